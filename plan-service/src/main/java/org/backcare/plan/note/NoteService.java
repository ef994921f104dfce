package org.backcare.plan.note;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.backcare.plan.audit.AuditAction;
import org.backcare.plan.outbox.EventType;
import org.backcare.platform.access.Caller;
import org.backcare.platform.access.CareTeamAccess;
import org.backcare.platform.audit.AuditLog;
import org.backcare.platform.outbox.Outbox;
import org.backcare.platform.patients.CareTeamMember;
import org.backcare.platform.patients.PatientProjection;
import org.backcare.platform.problem.ProblemException;
import org.backcare.platform.web.ETags;
import org.backcare.platform.web.PageOf;
import org.backcare.platform.web.PageRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes, amends and reads clinical notes, applying {@link NoteRules} and auditing every read. A note the caller may
 * not read answers 404 and is left out of lists; mentions notify through NoteMentioned, which never carries the text.
 */
@ApplicationScoped
public class NoteService {

    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public NoteService(Outbox outbox, AuditLog audit, Clock clock) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** The data of NoteMentioned: who was mentioned in which note, never what it says. */
    public record NoteMentioned(UUID noteId, int version, NoteKind kind, String authorSubject, String authorDiscipline,
                                List<String> mentionedSubjects) {
    }

    @Transactional
    public NoteView create(Caller caller, UUID patientId, NoteRequests.NewNote request) {
        PatientProjection patient = visiblePatient(caller, patientId, "NOTE_CREATE");
        Map<String, String> team = team(patient);
        String refusal = NoteRules.whyNotWrite(caller, team, request.kind());
        if (refusal != null) {
            audit.recordRefused(caller, "NOTE_CREATE", patientId, 403);
            throw ProblemException.forbidden(refusal);
        }
        List<String> mentions = Mentions.resolve(request.text(), request.kind(), team);
        Instant now = Instant.now(clock);
        ClinicalNote note = new ClinicalNote();
        note.id = UUID.randomUUID();
        note.patientId = patientId;
        note.kind = request.kind();
        note.authorSubject = caller.subject();
        note.authorDiscipline = NoteRules.discipline(caller, team);
        note.text = request.text();
        note.version = 1;
        note.createdAt = now;
        note.updatedAt = now;
        note.persist();
        addVersion(note, mentions, caller, now);
        notifyMentioned(note, mentions, List.of());
        audit.record(caller, AuditAction.NOTE_CREATE, patientId, note.id + " " + note.kind.code());
        return view(note, mentions);
    }

    @Transactional
    public NoteView read(Caller caller, UUID noteId) {
        ClinicalNote note = readable(caller, noteId, false);
        audit.record(caller, AuditAction.NOTE_READ, note.patientId, noteId.toString());
        return view(note, latest(note).mentions);
    }

    @Transactional
    public PageOf<NoteView> list(Caller caller, UUID patientId, NoteKind kind, String author, PageRequest page) {
        PatientProjection patient = visiblePatient(caller, patientId, "NOTE_LIST");
        Map<String, String> team = team(patient);
        if (!NoteRules.mayReadNotesOf(caller, team)) {
            audit.recordRefused(caller, "NOTE_LIST", patientId, 403);
            throw ProblemException.forbidden("clinical notes are for the clinicians on the care team");
        }
        StringBuilder where = new StringBuilder("patientId = :patient");
        Parameters params = Parameters.with("patient", patientId);
        if (!NoteRules.readsOthersPsychotherapyNotes(caller, team)) {
            // Filtered in the query, so totals and pages never count what the caller may not see.
            params.and("psychotherapy", NoteKind.PSYCHOTHERAPY_NOTE);
            if (NoteRules.discipline(caller, team) != null) {
                where.append(" and (kind <> :psychotherapy or authorSubject = :me)");
                params.and("me", caller.subject());
            } else {
                where.append(" and kind <> :psychotherapy");
            }
        }
        if (kind != null) {
            where.append(" and kind = :kind");
            params.and("kind", kind);
        }
        if (author != null && !author.isBlank()) {
            where.append(" and authorSubject = :author");
            params.and("author", author.strip());
        }
        var query = ClinicalNote.<ClinicalNote>find(where + " order by createdAt desc, id", params);
        List<ClinicalNote> notes = query.page(page.page(), page.size()).list();
        List<NoteView> items = notes.stream().map(n -> view(n, latest(n).mentions)).toList();
        audit.record(caller, AuditAction.NOTE_LIST, patientId,
                kind == null && author == null ? null : "kind=" + (kind == null ? "" : kind.code()) + " author=" + author);
        return PageOf.of(items, page, query.count());
    }

    @Transactional
    public PageOf<NoteView.Version> versions(Caller caller, UUID noteId, PageRequest page) {
        ClinicalNote note = readable(caller, noteId, false);
        var query = NoteVersion.<NoteVersion>find("noteId = ?1 order by version desc", noteId);
        List<NoteView.Version> items = query.page(page.page(), page.size()).list().stream()
                .map(v -> new NoteView.Version(v.version, v.text, v.mentions, v.writtenBy, v.writtenAt)).toList();
        audit.record(caller, AuditAction.NOTE_VERSIONS_READ, note.patientId, noteId.toString());
        return PageOf.of(items, page, query.count());
    }

    /** An amendment by the author: a new version; the earlier ones stay readable in the history. */
    @Transactional
    public NoteView amend(Caller caller, UUID noteId, String ifMatch, NoteRequests.Amendment request) {
        ClinicalNote note = readable(caller, noteId, true);
        if (!note.authorSubject.equals(caller.subject())) {
            audit.recordRefused(caller, "NOTE_AMEND", note.patientId, 403);
            throw ProblemException.forbidden("only the note's author amends it; write a note of your own instead");
        }
        ETags.requireMatch(ifMatch, note.version);
        PatientProjection patient = PatientProjection.findById(note.patientId);
        List<String> mentions = Mentions.resolve(request.text(), note.kind, team(patient));
        List<String> before = latest(note).mentions;
        Instant now = Instant.now(clock);
        note.version += 1;
        note.text = request.text();
        note.updatedAt = now;
        addVersion(note, mentions, caller, now);
        notifyMentioned(note, mentions, before);
        audit.record(caller, AuditAction.NOTE_AMEND, note.patientId, noteId + " v" + note.version);
        return view(note, mentions);
    }

    /** The note, when the caller may read it; 404 otherwise, exactly as for a note that does not exist. */
    private ClinicalNote readable(Caller caller, UUID noteId, boolean forChange) {
        ClinicalNote note = forChange ? ClinicalNote.findById(noteId, LockModeType.PESSIMISTIC_WRITE)
                : ClinicalNote.findById(noteId);
        if (note == null) {
            throw ProblemException.notFound("note " + noteId);
        }
        PatientProjection patient = PatientProjection.findById(note.patientId);
        if (!CareTeamAccess.canSee(caller, patient.accessFacts())
                || !NoteRules.mayRead(caller, team(patient), note.kind, note.authorSubject)) {
            audit.recordRefused(caller, forChange ? "NOTE_AMEND" : "NOTE_READ", note.patientId, 404);
            throw ProblemException.notFound("note " + noteId);
        }
        return note;
    }

    private PatientProjection visiblePatient(Caller caller, UUID patientId, String attempted) {
        PatientProjection patient = PatientProjection.<PatientProjection>findByIdOptional(patientId)
                .orElseThrow(() -> ProblemException.notFound("patient " + patientId));
        try {
            CareTeamAccess.requireVisible(caller, patient.accessFacts());
        } catch (ProblemException refused) {
            audit.recordRefused(caller, attempted, patientId, refused.status());
            throw refused;
        }
        return patient;
    }

    private static Map<String, String> team(PatientProjection patient) {
        Map<String, String> team = new HashMap<>();
        for (CareTeamMember member : patient.careTeam) {
            if (member.role != null) {
                team.put(member.subject, member.role);
            }
        }
        return team;
    }

    private static void addVersion(ClinicalNote note, List<String> mentions, Caller caller, Instant now) {
        NoteVersion version = new NoteVersion();
        version.noteId = note.id;
        version.version = note.version;
        version.text = note.text;
        version.mentions = mentions;
        version.writtenBy = caller.subject();
        version.writtenAt = now;
        version.persist();
    }

    private static NoteVersion latest(ClinicalNote note) {
        return NoteVersion.findById(new NoteVersion.Key(note.id, note.version));
    }

    /** Those newly mentioned (not the author, not who the previous version already mentioned) are told once. */
    private void notifyMentioned(ClinicalNote note, List<String> mentions, List<String> alreadyMentioned) {
        List<String> told = mentions.stream()
                .filter(s -> !s.equals(note.authorSubject) && !alreadyMentioned.contains(s)).toList();
        if (!told.isEmpty()) {
            outbox.publish(EventType.NOTE_MENTIONED, note.patientId, new NoteMentioned(note.id, note.version,
                    note.kind, note.authorSubject, note.authorDiscipline, told));
        }
    }

    private static NoteView view(ClinicalNote n, List<String> mentions) {
        return new NoteView(n.id, n.patientId, n.kind, n.authorSubject, n.authorDiscipline, n.text, n.version,
                mentions, n.createdAt, n.updatedAt);
    }
}
