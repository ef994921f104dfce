package org.backcare.platform.problem;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads everything a failure carries: its causes and its suppressed exceptions. The transaction manager (Narayana)
 * reports what failed at commit as exceptions suppressed by the RollbackException, not as its cause, so a reader of
 * the cause chain alone takes a database that went away during the commit for a fault of the service (a 500).
 */
final class Failures {

    /** Enough for any real chain; a bound keeps a pathological one from costing the error path. */
    private static final int MAX_VISITED = 64;

    private Failures() {
    }

    /** Whether the failure, one of its causes or a suppressed exception of any of them matches. */
    static boolean any(Throwable failure, Predicate<Throwable> matches) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        if (failure != null) {
            next.add(failure);
        }
        while (!next.isEmpty() && seen.size() < MAX_VISITED) {
            Throwable t = next.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (matches.test(t)) {
                return true;
            }
            if (t.getCause() != null) {
                next.add(t.getCause());
            }
            Collections.addAll(next, t.getSuppressed());
        }
        return false;
    }
}
