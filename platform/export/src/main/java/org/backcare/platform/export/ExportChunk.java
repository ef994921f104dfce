package org.backcare.platform.export;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * A piece of an export file (up to backcare.export.chunk-size bytes of NDJSON), kept in the service's database so
 * that every instance can serve a download and deleting a job's chunks deletes its patient data everywhere at once.
 * Chunks belong to a run: a run that lost its job to another instance cannot mix its chunks into the files.
 */
@Entity
@Table(name = "export_chunk")
@IdClass(ExportChunk.Key.class)
public class ExportChunk extends PanacheEntityBase {

    @Id
    public UUID jobId;
    @Id
    public UUID runId;
    @Id
    public String fileName;
    @Id
    public int seq;
    public byte[] data;

    /** The primary key, as JPA wants an id class: a no-argument constructor and value equality. */
    public static class Key implements Serializable {
        public UUID jobId;
        public UUID runId;
        public String fileName;
        public int seq;

        public Key() {
        }

        public Key(UUID jobId, UUID runId, String fileName, int seq) {
            this.jobId = jobId;
            this.runId = runId;
            this.fileName = fileName;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(jobId, k.jobId) && Objects.equals(runId, k.runId)
                    && Objects.equals(fileName, k.fileName) && seq == k.seq;
        }

        @Override
        public int hashCode() {
            return Objects.hash(jobId, runId, fileName, seq);
        }
    }
}
