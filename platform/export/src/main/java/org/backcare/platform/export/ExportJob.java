package org.backcare.platform.export;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One Bulk Data export an integrator kicked off: what it asks for, how far it got, which run of which instance holds
 * it (run id and lease), and the files it wrote. The table is in each service's own Flyway history.
 */
@Entity
@Table(name = "export_job")
public class ExportJob extends PanacheEntityBase {

    @Id
    public UUID id;
    /** The integrator's OIDC subject: the only caller who may poll, cancel and download. */
    public String requestedBy;
    /** "system" (GET /fhir/$export) or "patient" (GET /fhir/Patient/$export). */
    public String kind;
    /** Comma-separated FHIR resource types, in export order. */
    public String types;
    /** {@code _since}: only resources changed after it; null for all. */
    public Instant since;
    /** The kick-off request URL, echoed in the manifest. */
    public String request;
    @Enumerated(EnumType.STRING)
    public ExportStatus status;
    /** When the export was requested: the manifest's transactionTime, the next export's {@code _since}. */
    public Instant transactionTime;
    /** What the job is doing, for X-Progress. */
    public String progress;
    public String error;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<ExportFile> outputs = new ArrayList<>();
    /** The run that holds the job; a new run (another instance, after a lease ran out) gets a new id. */
    public UUID runId;
    /** The running instance renews this while it works; past it, any instance may take the job over. */
    public Instant leaseUntil;
    /** How many runs started; a job that keeps stopping its instance fails after backcare.export.max-attempts. */
    public int attempts;
    public Instant createdAt;
    public Instant startedAt;
    public Instant finishedAt;

    public List<String> typeList() {
        return Arrays.stream(types.split(",")).filter(t -> !t.isBlank()).toList();
    }
}
