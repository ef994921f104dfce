package org.backcare.notification.webhook;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.backcare.platform.access.Caller;
import org.backcare.platform.web.PageOf;
import org.backcare.platform.web.PageRequest;
import org.backcare.platform.problem.ProblemException;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Integrators' webhook endpoints: register, list, remove, re-enable, and read the delivery log. An integrator sees
 * only their own endpoints (another's is "not found", so ids reveal nothing); an admin sees all.
 */
@ApplicationScoped
public class Webhooks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final WebhookConfig config;

    public Webhooks(Clock clock, WebhookConfig config) {
        this.clock = clock;
        this.config = config;
    }

    @Transactional
    public WebhookView create(Caller caller, NewWebhook request) {
        String url = WebhookRules.url(request.url());
        if (!config.allowPrivateAddresses()) {
            ReceiverAddresses.refusal(url).ifPresent(reason -> {
                throw ProblemException.badRequest("url", reason);
            });
        }
        String secret = WebhookRules.secret(request.secret());
        List<String> kinds = WebhookRules.kinds(request.kinds());
        String description = WebhookRules.description(request.description());
        String generated = secret == null ? generateSecret() : null;
        WebhookEndpoint e = new WebhookEndpoint();
        e.id = UUID.randomUUID();
        e.ownerSubject = caller.subject();
        e.url = url;
        e.secret = secret != null ? secret : generated;
        e.kinds = kinds;
        e.description = description;
        e.createdAt = Instant.now(clock);
        e.persist();
        return WebhookView.of(e, generated);
    }

    @Transactional
    public PageOf<WebhookView> page(Caller caller, PageRequest page) {
        Sort newestFirst = Sort.descending("createdAt").and("id", Sort.Direction.Descending);
        var query = caller.isAdmin() ? WebhookEndpoint.<WebhookEndpoint>findAll(newestFirst)
                : WebhookEndpoint.<WebhookEndpoint>find("ownerSubject", newestFirst, caller.subject());
        List<WebhookView> items = query.page(page.page(), page.size()).list().stream().map(WebhookView::of).toList();
        return PageOf.of(items, page, query.count());
    }

    @Transactional
    public WebhookView get(Caller caller, UUID id) {
        return WebhookView.of(visible(caller, id));
    }

    /**
     * Removes the endpoint; 404 when it is not there, also when a delete running at the same time removed it first
     * (a conditional delete: of several concurrent deletes one answers 204 and the others 404, as one after another).
     */
    @Transactional
    public void delete(Caller caller, UUID id) {
        WebhookEndpoint endpoint = visible(caller, id);
        // Deliveries first (their attempts go with them): the lock order of the dispatcher, so the two never deadlock.
        WebhookDelivery.delete("endpointId", endpoint.id);
        if (WebhookEndpoint.delete("id", endpoint.id) == 0) {
            throw ProblemException.notFound("webhook " + id);
        }
    }

    /**
     * Re-enables a disabled endpoint: the failure count starts again and its waiting deliveries are due at once, so
     * an integrator who fixed the receiver does not wait out a long backoff. Enabling an enabled endpoint changes
     * nothing.
     */
    @Transactional
    public WebhookView enable(Caller caller, UUID id) {
        WebhookEndpoint endpoint = visible(caller, id);
        if (endpoint.isEnabled()) {
            return WebhookView.of(endpoint);
        }
        Instant now = Instant.now(clock);
        // Deliveries before the endpoint: the dispatcher's lock order.
        WebhookDelivery.update("nextAttemptAt = :now where endpointId = :id and status = :pending",
                Parameters.with("now", now).and("id", endpoint.id).and("pending", DeliveryStatus.PENDING.code()));
        WebhookEndpoint.getEntityManager().refresh(endpoint, LockModeType.PESSIMISTIC_WRITE);
        endpoint.disabledAt = null;
        endpoint.disabledReason = null;
        endpoint.consecutiveFailures = 0;
        return WebhookView.of(endpoint);
    }

    /** The delivery log, newest first, each with its attempts. */
    @Transactional
    public PageOf<DeliveryView> deliveries(Caller caller, UUID id, DeliveryStatus status, PageRequest page) {
        WebhookEndpoint endpoint = visible(caller, id);
        Sort newestFirst = Sort.descending("createdAt").and("id", Sort.Direction.Descending);
        var query = status == null
                ? WebhookDelivery.<WebhookDelivery>find("endpointId", newestFirst, endpoint.id)
                : WebhookDelivery.<WebhookDelivery>find("endpointId = ?1 and status = ?2", newestFirst, endpoint.id,
                status.code());
        List<WebhookDelivery> items = query.page(page.page(), page.size()).list();
        Map<UUID, List<WebhookAttempt>> attempts = items.isEmpty() ? Map.of()
                : WebhookAttempt.<WebhookAttempt>list("deliveryId in ?1", Sort.ascending("number"),
                        items.stream().map(d -> d.id).toList())
                .stream().collect(Collectors.groupingBy(a -> a.deliveryId));
        return PageOf.of(items.stream().map(d -> DeliveryView.of(d, attempts.getOrDefault(d.id, List.of()))).toList(),
                page, query.count());
    }

    private static WebhookEndpoint visible(Caller caller, UUID id) {
        WebhookEndpoint endpoint = WebhookEndpoint.findById(id);
        if (endpoint == null || !(caller.isAdmin() || endpoint.ownerSubject.equals(caller.subject()))) {
            throw ProblemException.notFound("webhook " + id);
        }
        return endpoint;
    }

    /** 256 random bits: as strong as the HMAC key can use. */
    static String generateSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
