package org.backcare.platform.idempotency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One caller's key: the request it was claimed for and, once that request succeeded, its answer. The claim is a
 * random id per run, so that a run which lost its key (it took too long and a retry took over) cannot store its
 * answer over the new run's.
 */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord extends PanacheEntityBase {

    @Id
    public String callerSubject;
    @Id
    public String idempotencyKey;
    public String method;
    public String path;
    public String bodySha256;
    public UUID claim;
    public Instant claimedAt;
    public Instant expiresAt;
    public Instant completedAt;
    public Integer responseStatus;
    public String contentType;
    public String location;
    public String etag;
    public byte[] responseBody;

    Fingerprint fingerprint() {
        return new Fingerprint(method, path, bodySha256);
    }

    /** The primary key, as JPA wants an id class: a no-argument constructor and value equality. */
    public static class Key implements Serializable {
        public String callerSubject;
        public String idempotencyKey;

        public Key() {
        }

        public Key(String callerSubject, String idempotencyKey) {
            this.callerSubject = callerSubject;
            this.idempotencyKey = idempotencyKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(callerSubject, k.callerSubject)
                    && Objects.equals(idempotencyKey, k.idempotencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(callerSubject, idempotencyKey);
        }
    }
}
