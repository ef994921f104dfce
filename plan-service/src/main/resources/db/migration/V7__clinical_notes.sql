-- plan-service schema, version 7: clinical notes (issue 18). A note is never rewritten and never deleted: an
-- amendment adds a version and the note row points at the latest; clinical_note.version is the ETag.

create table clinical_note (
    id                uuid primary key,
    patient_id        uuid         not null references patient (id),
    kind              varchar(32)  not null,
    author_subject    varchar(255) not null,
    author_discipline varchar(32)  not null,
    -- The text of the latest version (the list shows it without reading the history).
    text              text         not null,
    version           int          not null,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null
);
create index clinical_note_patient_idx on clinical_note (patient_id, created_at desc);

create table clinical_note_version (
    note_id    uuid         not null references clinical_note (id),
    version    int          not null,
    text       text         not null,
    -- The subjects mentioned in this version's text (only new ones were notified).
    mentions   jsonb        not null,
    written_by varchar(255) not null,
    written_at timestamptz  not null,
    primary key (note_id, version)
);
