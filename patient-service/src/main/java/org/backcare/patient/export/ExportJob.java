package org.backcare.patient.export;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A FHIR Bulk Data export: who asked for what, how far it got, and the files it wrote. */
@Entity
@Table(name = "export_job")
public class ExportJob extends PanacheEntityBase {

    @Id
    public UUID id;
    /** OIDC subject of the integrator: the only caller who may poll, cancel and download. */
    public String requestedBy;
    @Enumerated(EnumType.STRING)
    public ExportStatus status;
    /** The kick-off request URL, echoed in the manifest's {@code request}. */
    public String requestUrl;
    /** Comma-separated FHIR resource types, in export order. */
    public String types;
    /** {@code _since}: only resources updated at or after it. */
    public Instant since;
    /** When the run began, before its cursors opened: the manifest's {@code transactionTime}. */
    public Instant transactionTime;
    public String progress;
    public String error;
    public Instant createdAt;
    public Instant startedAt;
    public Instant finishedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "export_file", joinColumns = @JoinColumn(name = "job_id"))
    public List<ExportFile> files = new ArrayList<>();

    public List<String> typeList() {
        return Arrays.asList(types.split(","));
    }

    public boolean inProgress() {
        return status == ExportStatus.ACCEPTED || status == ExportStatus.RUNNING;
    }
}
