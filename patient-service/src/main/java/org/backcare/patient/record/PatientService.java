package org.backcare.patient.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.backcare.platform.access.Caller;
import org.backcare.patient.access.PatientAccess;
import org.backcare.patient.access.PatientAccess.Action;
import org.backcare.platform.access.Role;
import org.backcare.patient.audit.AuditAction;
import org.backcare.platform.audit.AuditLog;
import org.backcare.patient.careteam.CareTeamMember;
import org.backcare.patient.careteam.CareTeamRole;
import org.backcare.platform.web.ETags;
import org.backcare.platform.web.PageOf;
import org.backcare.platform.web.PageRequest;
import org.backcare.patient.outbox.EventType;
import org.backcare.platform.outbox.Outbox;
import org.backcare.platform.problem.Problem.FieldError;
import org.backcare.platform.problem.ProblemException;
import org.backcare.platform.problem.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Registers, reads, edits and discharges patient records; every call is authorized, audited and evented. */
@ApplicationScoped
public class PatientService {

    private final Outbox outbox;
    private final AuditLog audit;
    private final Validator validator;
    private final ObjectMapper json;
    private final EntityManager em;
    private final Clock clock;
    private final MeterRegistry metrics;

    public PatientService(Outbox outbox, AuditLog audit, Validator validator, ObjectMapper json, EntityManager em,
                          Clock clock, MeterRegistry metrics) {
        this.outbox = outbox;
        this.audit = audit;
        this.validator = validator;
        this.json = json;
        this.em = em;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Loads a patient and checks the caller may do {@code action} with it (404 if they may not even see it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Patient authorized(Caller caller, UUID id, Action action) {
        Patient patient = Patient.<Patient>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("patient " + id));
        try {
            PatientAccess.require(caller, patient.accessFacts(), action);
        } catch (ProblemException refused) {
            // Refused attempts on a real record are worth as much to an auditor as successful ones.
            audit.recordRefused(caller, action.name(), id, refused.status());
            throw refused;
        }
        return patient;
    }

    @Transactional
    public PatientView register(Caller caller, PatientRequest request) {
        checkConsistent(request);
        String subject = request.oidcSubject();
        if (!caller.isAdmin() && !caller.isClinician()) {
            // A patient registering themselves: the record is linked to their own login. They may state their
            // history (pain onset, comorbidities); the pain classification waits for a clinician.
            if (subject != null && !subject.equals(caller.subject())) {
                throw ProblemException.forbidden("a patient can only register a record for their own login");
            }
            subject = caller.subject();
        }
        if (request.painType() != null && !caller.isClinician()) {
            throw ProblemException.forbidden("only a clinician may classify the pain type");
        }
        if (subject != null && Patient.findBySubject(subject).isPresent()) {
            throw ProblemException.conflict("a patient record is already linked to login " + subject);
        }
        Instant now = Instant.now(clock);
        Patient p = new Patient();
        p.id = UUID.randomUUID();
        apply(p, request, caller, now);
        p.oidcSubject = subject;
        p.status = PatientStatus.ACTIVE;
        p.createdAt = now;
        p.updatedAt = now;
        if (caller.has(Role.PHYSICIAN)) {
            // The registering physician is responsible for the patient, and without membership could not see them.
            p.careTeam.add(newMember(p, caller.subject(), CareTeamRole.PHYSICIAN, caller.displayName(), null,
                    caller, now));
        }
        p.persist();
        em.flush();
        outbox.publish(EventType.PATIENT_REGISTERED, p.id, PatientSnapshot.of(p));
        audit.record(caller, AuditAction.REGISTER, p.id, null);
        metrics.counter("backcare.patients.registered").increment();
        return view(p);
    }

    @Transactional
    public PatientView read(Caller caller, UUID id) {
        Patient p = authorized(caller, id, Action.READ);
        audit.record(caller, AuditAction.READ, id, null);
        return view(p);
    }

    @Transactional
    public PatientView readOwn(Caller caller) {
        Patient p = Patient.findBySubject(caller.subject())
                .orElseThrow(() -> ProblemException.notFound("a patient record linked to your login"));
        audit.record(caller, AuditAction.READ, p.id, "own record");
        return view(p);
    }

    /** PUT: the request is the whole new state of the editable fields. */
    @Transactional
    public PatientView replace(Caller caller, UUID id, String ifMatch, PatientRequest request) {
        Patient p = authorized(caller, id, Action.READ);
        if (request.oidcSubject() == null) {
            // Leaving the login out of a PUT keeps the link; unlinking is an explicit PATCH {"oidcSubject": null}.
            request = request.withOidcSubject(p.oidcSubject);
        }
        return view(update(caller, p, ifMatch, request));
    }

    /** PATCH with a JSON merge patch (RFC 7386); the record is flat, so merging is replacing the named fields. */
    @Transactional
    public PatientView patch(Caller caller, UUID id, String ifMatch, JsonNode patch) throws JsonProcessingException {
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(ProblemType.MALFORMED, "a merge patch must be a JSON object");
        }
        Patient p = authorized(caller, id, Action.READ);
        ObjectNode merged = json.valueToTree(PatientRequest.of(p));
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            merged.set(field.getKey(), field.getValue());
        }
        PatientRequest request = json.treeToValue(merged, PatientRequest.class);
        Set<ConstraintViolation<PatientRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return view(update(caller, p, ifMatch, request));
    }

    private Patient update(Caller caller, Patient p, String ifMatch, PatientRequest request) {
        ETags.requireMatch(ifMatch, p.version);
        checkConsistent(request);
        Set<String> changed = changedFields(PatientRequest.of(p), request);
        for (Action action : requiredActions(changed)) {
            PatientAccess.require(caller, p.accessFacts(), action);
        }
        if (changed.isEmpty()) {
            audit.record(caller, AuditAction.UPDATE, p.id, "no change");
            return p;
        }
        if (p.isDischarged()) {
            throw ProblemException.conflict("the patient was discharged; the record is read-only");
        }
        if (changed.contains("oidcSubject") && request.oidcSubject() != null
                && Patient.findBySubject(request.oidcSubject()).filter(other -> !other.id.equals(p.id)).isPresent()) {
            throw ProblemException.conflict("another patient record is already linked to login " + request.oidcSubject());
        }
        Instant now = Instant.now(clock);
        apply(p, request, caller, now);
        p.oidcSubject = request.oidcSubject();
        p.touch(now);
        em.flush();
        outbox.publish(EventType.PATIENT_UPDATED, p.id, PatientSnapshot.of(p));
        audit.record(caller, AuditAction.UPDATE, p.id, "changed " + String.join(", ", new TreeSet<>(changed)));
        return p;
    }

    /** Which permissions a change needs: contact details are the patient's own, the pain type is clinical. */
    static Set<Action> requiredActions(Set<String> changedFields) {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        if (!PatientRequest.CONTACT_FIELDS.containsAll(changedFields)) {
            actions.add(Action.EDIT_RECORD);
        } else if (!changedFields.isEmpty()) {
            actions.add(Action.EDIT_CONTACT);
        }
        if (changedFields.stream().anyMatch(PatientRequest.PAIN_CLASSIFICATION_FIELDS::contains)) {
            actions.add(Action.CLASSIFY_PAIN);
        }
        if (changedFields.contains("oidcSubject")) {
            actions.add(Action.LINK_LOGIN);
        }
        return actions;
    }

    private Set<String> changedFields(PatientRequest before, PatientRequest after) {
        ObjectNode old = json.valueToTree(before);
        ObjectNode now = json.valueToTree(after);
        Set<String> changed = new HashSet<>();
        old.fieldNames().forEachRemaining(name -> {
            if (!old.get(name).equals(now.get(name))) {
                changed.add(name);
            }
        });
        // Comorbidities are a set: the order they arrive in means nothing.
        if (before.comorbiditiesOrEmpty().equals(after.comorbiditiesOrEmpty())) {
            changed.remove("comorbidities");
        }
        return changed;
    }

    @Transactional
    public PatientView discharge(Caller caller, UUID id, String reason) {
        Patient p = authorized(caller, id, Action.DISCHARGE);
        if (p.isDischarged()) {
            throw ProblemException.conflict("the patient was already discharged on " + p.dischargedAt);
        }
        if (p.urgentReview) {
            throw ProblemException.conflict("a red flag is still under urgent review; a physician must resolve it first");
        }
        Instant now = Instant.now(clock);
        p.status = PatientStatus.DISCHARGED;
        p.dischargedAt = now;
        p.dischargeReason = reason;
        p.touch(now);
        em.flush();
        outbox.publish(EventType.PATIENT_DISCHARGED, p.id, new DischargeData(reason, now, caller.subject()));
        audit.record(caller, AuditAction.DISCHARGE, p.id, null);
        return view(p);
    }

    /** The data of PatientDischarged. */
    public record DischargeData(String reason, Instant dischargedAt, String dischargedBy) {
    }

    @Transactional
    public PageOf<PatientView> search(Caller caller, PatientSearch.Filters filters, PageRequest page) {
        PageOf<Patient> result = PatientSearch.run(em, caller, filters, page);
        for (Patient p : result.items()) {
            audit.record(caller, AuditAction.LIST, p.id, null);
        }
        return result.map(this::view);
    }

    /** The record as the API shows it; built inside the transaction, while its collections can still load. */
    public PatientView view(Patient p) {
        return PatientView.of(p, LocalDate.now(clock));
    }

    private void checkConsistent(PatientRequest request) {
        List<FieldError> errors = RecordRules.crossFieldErrors(request);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION,
                    errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""),
                    errors);
        }
    }

    private static void apply(Patient p, PatientRequest r, Caller caller, Instant now) {
        p.givenName = r.givenName().strip();
        p.familyName = r.familyName().strip();
        p.birthDate = r.birthDate();
        p.sex = r.sex();
        p.email = r.email();
        p.phone = r.phone();
        p.preferredLanguage = r.preferredLanguage();
        p.painOnsetDate = r.painOnsetDate();
        if (p.painType != r.painType() || !Objects.equals(p.painTypeRationale, r.painTypeRationale())) {
            p.painType = r.painType();
            p.painTypeRationale = r.painTypeRationale();
            p.painClassifiedBy = r.painType() == null ? null : caller.subject();
            p.painClassifiedAt = r.painType() == null ? null : now;
        }
        p.comorbidities.clear();
        p.comorbidities.addAll(r.comorbiditiesOrEmpty());
    }

    public static CareTeamMember newMember(Patient p, String subject, CareTeamRole role, String displayName,
                                           String email, Caller addedBy, Instant now) {
        CareTeamMember m = new CareTeamMember();
        m.id = UUID.randomUUID();
        m.patient = p;
        m.subject = subject;
        m.role = role;
        m.displayName = displayName;
        m.email = email;
        m.addedAt = now;
        m.addedBy = addedBy.subject();
        return m;
    }
}
