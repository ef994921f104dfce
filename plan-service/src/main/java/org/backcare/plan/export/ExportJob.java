package org.backcare.plan.export;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One Bulk Data export requested by an integrator; its NDJSON files live under backcare.export.dir/{id}. */
@Entity
@Table(name = "export_job")
public class ExportJob extends PanacheEntityBase {

    @Id
    public UUID id;
    /** The OIDC subject of the integrator: the only caller who may poll, cancel or download. */
    public String requestedBy;
    /** "system" (GET /fhir/$export) or "patient" (GET /fhir/Patient/$export). */
    public String kind;
    /** Comma-separated resource types to export. */
    public String types;
    /** Only resources changed after this instant (_since); null for all. */
    public Instant since;
    @Enumerated(EnumType.STRING)
    public ExportStatus status;
    /** When the export was requested: every change up to this instant is included. */
    public Instant transactionTime;
    /** The kick-off request URL, echoed in the manifest. */
    public String request;
    /** The absolute FHIR base the file URLs are built on. */
    public String baseUrl;
    /** Percent done. */
    public int progress;
    public String error;
    /** The files written: JSON array of {@link ExportFile}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String output;
    public Instant createdAt;
    public Instant startedAt;
    public Instant finishedAt;

    public List<String> typeList() {
        return Arrays.stream(types.split(",")).filter(t -> !t.isBlank()).toList();
    }

    /** One NDJSON file of a completed export. */
    public record ExportFile(String type, String file, long count) {
    }
}
