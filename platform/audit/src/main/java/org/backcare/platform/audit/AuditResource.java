package org.backcare.platform.audit;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.backcare.platform.access.Role;
import org.backcare.platform.web.Ids;
import org.backcare.platform.web.PageOf;
import org.backcare.platform.web.PageRequest;
import org.backcare.platform.problem.Problem;
import org.backcare.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The audit log for admins: every read and change of a patient record, newest first. */
@Path("/audit-log")
@Tag(name = "Audit log", description = "Who read or changed which patient record, and when")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class AuditResource {

    private final EntityManager em;
    private final AuditVocabulary vocabulary;

    public AuditResource(EntityManager em, AuditVocabulary vocabulary) {
        this.em = em;
        this.vocabulary = vocabulary;
    }

    /** One audit entry as the API shows it. */
    public record AuditView(Long id, Instant at, String actor, String actorRoles,
                            @Schema(description = "One of the actions this service records", example = "REFUSED")
                            String action,
                            UUID patientId, String detail) {
        static AuditView of(AuditEntry e) {
            return new AuditView(e.id, e.at, e.actor, e.actorRoles, e.action, e.patientId, e.detail);
        }
    }

    @GET
    @RolesAllowed(Role.ADMIN)
    @Transactional
    @Operation(operationId = "searchAuditLog", summary = "Search the audit log", description = "Admins only. Filters combine with AND; newest first.")
    @APIResponse(responseCode = "200", description = "A page of audit entries")
    @APIResponse(responseCode = "400", description = "A filter is malformed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid access token")
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<AuditView> search(
            @Parameter(description = "Only entries about this patient") @QueryParam("patientId") String patientId,
            @Parameter(description = "Only entries by this OIDC subject") @QueryParam("actor") String actor,
            @Parameter(description = "Only this action (an unknown one is a 400 that lists them)", example = "REFUSED",
                    schema = @Schema(type = SchemaType.STRING))
            @QueryParam("action") String action,
            @Parameter(description = "From this instant (inclusive), ISO-8601", example = "2026-11-01T00:00:00Z")
            @QueryParam("from") String from,
            @Parameter(description = "Before this instant (exclusive), ISO-8601") @QueryParam("to") String to,
            @Valid @BeanParam PageRequest page) {
        UUID patient = patientId == null ? null : Ids.parse("patientId", patientId);
        String act = action == null ? null : parseAction(action);
        Instant fromAt = instant("from", from);
        Instant toAt = instant("to", to);

        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditEntry> query = cb.createQuery(AuditEntry.class);
        Root<AuditEntry> root = query.from(AuditEntry.class);
        query.where(filters(cb, root, patient, actor, act, fromAt, toAt)).orderBy(cb.desc(root.get("id")));
        List<AuditView> items = em.createQuery(query).setFirstResult(page.offset()).setMaxResults(page.size())
                .getResultStream().map(AuditView::of).toList();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<AuditEntry> countRoot = count.from(AuditEntry.class);
        count.select(cb.count(countRoot)).where(filters(cb, countRoot, patient, actor, act, fromAt, toAt));
        return PageOf.of(items, page, em.createQuery(count).getSingleResult());
    }

    private static Predicate[] filters(CriteriaBuilder cb, Root<AuditEntry> root, UUID patientId, String actor,
                                       String action, Instant from, Instant to) {
        List<Predicate> where = new ArrayList<>();
        if (patientId != null) {
            where.add(cb.equal(root.get("patientId"), patientId));
        }
        if (actor != null && !actor.isBlank()) {
            where.add(cb.equal(root.get("actor"), actor));
        }
        if (action != null) {
            where.add(cb.equal(root.get("action"), action));
        }
        if (from != null) {
            where.add(cb.greaterThanOrEqualTo(root.get("at"), from));
        }
        if (to != null) {
            where.add(cb.lessThan(root.get("at"), to));
        }
        return where.toArray(Predicate[]::new);
    }

    private String parseAction(String value) {
        if (!vocabulary.actions().contains(value)) {
            throw ProblemException.badRequest("action", "unknown action '" + value + "'; expected one of "
                    + vocabulary.actions());
        }
        return value;
    }

    private static Instant instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(parameter, "'" + value + "' is not an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }
}
