package org.backcare.notification.inbox;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.backcare.platform.access.Caller;
import org.backcare.notification.alert.Alert;
import org.backcare.platform.web.PageOf;
import org.backcare.platform.web.PageRequest;
import org.backcare.platform.problem.ProblemException;
import org.backcare.notification.routing.Notice;
import org.backcare.notification.routing.Priority;
import org.backcare.notification.routing.Recipient;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Stores notifications and answers the inbox questions of one caller: what is mine, unread, acknowledged. */
@ApplicationScoped
public class Inbox {

    /** Who may see a notification: its person, or anyone holding its role. */
    private static final String MINE = "(recipientSubject = :me or recipientRole in :roles)";

    private final Clock clock;
    private final Event<NotificationCreated> created;

    public Inbox(Clock clock, Event<NotificationCreated> created) {
        this.clock = clock;
        this.created = created;
    }

    /** Stores one notification per notice, in the caller's transaction, and tells the channels. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Notification> deliver(List<Notice> notices, UUID patientId, UUID sourceEventId, UUID alertId,
                                      int escalationLevel) {
        List<Notification> stored = new ArrayList<>();
        for (Notice notice : notices) {
            stored.add(store(notice.recipient(), patientId, sourceEventId, notice.needsAcknowledgement() ? alertId : null,
                    notice.kind(), notice.priority(), notice.title(), notice.message(), escalationLevel));
        }
        return stored;
    }

    /** Stores one notification that no routing rule produced (an escalation, a reminder, an admin notice). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Notification store(Recipient recipient, UUID patientId, UUID sourceEventId, UUID alertId, String kind,
                              Priority priority, String title, String message, int escalationLevel) {
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.recipientSubject = recipient.subject();
        n.recipientRole = recipient.role();
        n.patientId = patientId;
        n.sourceEventId = sourceEventId;
        n.alertId = alertId;
        n.kind = kind;
        n.priority = priority.code();
        n.title = title;
        n.message = message;
        n.createdAt = Instant.now(clock);
        n.escalationLevel = escalationLevel;
        n.persist();
        created.fire(NotificationCreated.of(n));
        return n;
    }

    /** The filters of an inbox listing; null means "any". */
    public record Filter(Boolean unread, Priority priority, UUID patientId, String kind) {
    }

    @Transactional
    public PageOf<NotificationView> page(Caller caller, Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(MINE);
        Parameters params = Parameters.with("me", caller.subject()).and("roles", roles(caller));
        if (Boolean.TRUE.equals(filter.unread())) {
            where.append(" and readAt is null");
        } else if (Boolean.FALSE.equals(filter.unread())) {
            where.append(" and readAt is not null");
        }
        if (filter.priority() != null) {
            where.append(" and priority = :priority");
            params.and("priority", filter.priority().code());
        }
        if (filter.patientId() != null) {
            where.append(" and patientId = :patient");
            params.and("patient", filter.patientId());
        }
        if (filter.kind() != null) {
            where.append(" and kind = :kind");
            params.and("kind", filter.kind());
        }
        var query = Notification.<Notification>find(where.toString(),
                Sort.descending("createdAt").and("id", Sort.Direction.Descending), params);
        List<Notification> items = query.page(page.page(), page.size()).list();
        Map<UUID, Alert> alerts = alertsOf(items);
        return PageOf.of(items.stream().map(n -> NotificationView.of(n, n.alertId == null ? null : alerts.get(n.alertId)))
                .toList(), page,
                query.count());
    }

    /** Counts for a badge: unread items, and urgent alerts still waiting for acknowledgement. */
    @Transactional
    public UnreadCount unreadCount(Caller caller) {
        Parameters params = Parameters.with("me", caller.subject()).and("roles", roles(caller));
        long unread = Notification.count(MINE + " and readAt is null", params);
        long waiting = Notification.count(MINE + " and alertId in (select a.id from Alert a where a.acknowledgedAt is null)",
                params);
        return new UnreadCount(unread, waiting);
    }

    @Transactional
    public NotificationView get(Caller caller, UUID id) {
        Notification n = visible(caller, id);
        return NotificationView.of(n, n.alertId == null ? null : Alert.findById(n.alertId));
    }

    @Transactional
    public NotificationView markRead(Caller caller, UUID id) {
        Notification n = locked(caller, id);
        if (n.readAt == null) {
            n.readAt = Instant.now(clock);
            n.readBy = caller.subject();
        }
        return NotificationView.of(n, n.alertId == null ? null : Alert.findById(n.alertId));
    }

    /** Marks every unread item of the caller read; returns how many changed. */
    @Transactional
    public int markAllRead(Caller caller) {
        return Notification.update("readAt = :now, readBy = :me where " + MINE + " and readAt is null",
                Parameters.with("now", Instant.now(clock)).and("me", caller.subject()).and("roles", roles(caller)));
    }

    /**
     * Acknowledges the urgent alert this item belongs to: the caller takes it on, and escalation stops for everyone.
     * Acknowledging an acknowledged alert changes nothing and answers who did.
     */
    @Transactional
    public NotificationView acknowledge(Caller caller, UUID id) {
        Notification n = locked(caller, id);
        if (n.alertId == null) {
            throw ProblemException.conflict("notification " + id + " is not an urgent alert and needs no "
                    + "acknowledgement; mark it read instead (POST /notifications/" + id + "/read)");
        }
        // Locks the alert against a concurrent escalation pass, which skips locked alerts.
        Alert alert = Alert.findById(n.alertId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now(clock);
        if (!alert.isAcknowledged()) {
            alert.acknowledgedAt = now;
            alert.acknowledgedBy = caller.subject();
            alert.nextEscalationAt = null;
        }
        if (n.readAt == null) {
            n.readAt = now;
            n.readBy = caller.subject();
        }
        return NotificationView.of(n, alert);
    }

    /** Whether any notification of this alert reached the caller (personally or through a role they hold). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean reached(Caller caller, UUID alertId) {
        return Notification.count("alertId = :alert and " + MINE,
                Parameters.with("alert", alertId).and("me", caller.subject()).and("roles", roles(caller))) > 0;
    }

    private Notification visible(Caller caller, UUID id) {
        return mine(caller, id, Notification.findById(id));
    }

    /**
     * The caller's notification, its row locked until commit: the same item marked read or acknowledged several
     * times at once (a double click, a retry) then runs one after the other, and each later one finds it done and
     * changes nothing, instead of all writing over the version they read and all but one failing at commit.
     */
    private Notification locked(Caller caller, UUID id) {
        return mine(caller, id, Notification.findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    private static Notification mine(Caller caller, UUID id, Notification n) {
        boolean mine = n != null && (caller.subject().equals(n.recipientSubject)
                || (n.recipientRole != null && caller.has(n.recipientRole)));
        if (!mine) {
            throw ProblemException.notFound("notification " + id);
        }
        return n;
    }

    private static Set<String> roles(Caller caller) {
        // An empty IN list is not valid JPQL; a role nobody holds keeps the query simple.
        return caller.roles().isEmpty() ? Set.of("-") : caller.roles();
    }

    private static Map<UUID, Alert> alertsOf(List<Notification> items) {
        Set<UUID> ids = items.stream().map(n -> n.alertId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Alert.<Alert>list("id in ?1", ids).stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
    }
}
