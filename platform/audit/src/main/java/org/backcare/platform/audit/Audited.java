package org.backcare.platform.audit;

/** An action a service writes to its audit log; the service's AuditAction enum implements it (name() is the code). */
public interface Audited {

    String name();
}
