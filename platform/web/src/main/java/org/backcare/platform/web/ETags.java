package org.backcare.platform.web;

import org.backcare.platform.problem.ProblemException;
import org.backcare.platform.problem.ProblemType;

/** Strong entity tags from the row version, and the If-Match check that optimistic concurrency rests on. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** 428 without If-Match, 412 when it names another version than the current one. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "send If-Match with the ETag of your last read; it protects against overwriting someone else's change");
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            if (candidate.trim().equals(current)) {
                return;
            }
        }
        throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                "the record changed since you read it (current ETag " + current + "); read it again and reapply your change");
    }
}
