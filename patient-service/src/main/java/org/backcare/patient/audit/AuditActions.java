package org.backcare.patient.audit;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.backcare.platform.audit.AuditVocabulary;

/** Tells the audit log (platform-audit) which actions this service records, so its filter can refuse others. */
public class AuditActions {

    @Produces
    @Singleton
    AuditVocabulary vocabulary() {
        return AuditVocabulary.of(AuditAction.values());
    }
}
