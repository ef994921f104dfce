package org.backcare.tracking.export;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A Bulk Data export: who asked, for what, how far it got, and the NDJSON files it wrote. */
@Entity
@Table(name = "export_job")
public class ExportJob extends PanacheEntityBase {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";
    /** Finished longer than backcare.export.retention ago: its files are deleted and it answers 404. */
    public static final String EXPIRED = "expired";

    /** One NDJSON file of the export: all resources of one type. */
    public record Output(String type, String fileName, long count) {
    }

    @Id
    public UUID id;
    /** The integrator's OIDC subject: only they may poll, cancel and download. */
    public String requestedBy;
    /** "system" (GET /fhir/$export) or "patient" (GET /fhir/Patient/$export). */
    public String kind;
    /** Comma-separated resource types to export. */
    public String types;
    public Instant since;
    /** The kick-off URL, echoed in the manifest. */
    public String request;
    public String status;
    /** Resources changed up to this instant are exported; the next export may use it as _since. */
    public Instant transactionTime;
    public String progress;
    public String error;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Output> outputs = new ArrayList<>();
    public Instant createdAt;
    public Instant finishedAt;

    public List<String> typeList() {
        return List.of(types.split(","));
    }

    public boolean active() {
        return QUEUED.equals(status) || RUNNING.equals(status);
    }
}
