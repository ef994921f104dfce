package org.backcare.platform.audit;

import java.util.Arrays;
import java.util.List;

/**
 * The actions a service records, so the audit log's {@code action} filter can refuse a misspelt one. A service
 * produces one bean of it from its AuditAction enum.
 */
public record AuditVocabulary(List<String> actions) {

    public AuditVocabulary {
        actions = List.copyOf(actions);
    }

    public static AuditVocabulary of(Audited... actions) {
        return new AuditVocabulary(Arrays.stream(actions).map(Audited::name).toList());
    }
}
