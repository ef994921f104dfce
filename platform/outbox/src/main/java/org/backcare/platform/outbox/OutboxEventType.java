package org.backcare.platform.outbox;

/**
 * An event type a service publishes, implemented by the service's EventType enum; the wire name and the schema
 * version are what deploy/asyncapi.yaml documents and what consumers check.
 */
public interface OutboxEventType {

    /** The {@code type} of the envelope, e.g. PatientRegistered. */
    String wireName();

    /** Bumped when the type's data changes incompatibly. */
    default int schemaVersion() {
        return 1;
    }
}
