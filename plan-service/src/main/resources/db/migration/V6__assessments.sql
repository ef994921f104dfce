-- plan-service schema, version 6: psychology in the plan (issue 17). The assessments the patient completed in
-- tracking-service (projected from tracking-events), what a plan created for a high-risk patient added because of
-- the STarT Back stratum, the assessments schedule as a plan section, and the due/overdue notices already raised.

create table completed_assessment (
    questionnaire_id uuid primary key,
    patient_id       uuid        not null,
    instrument       varchar(20) not null,
    day              date        not null,
    -- STarT Back: the stratum (low, medium, high); other instruments their band code; null when the event has none.
    band             varchar(40),
    recorded_at      timestamptz not null
);
create index completed_assessment_patient_idx on completed_assessment (patient_id, instrument, day desc);

-- What the template gained because of the patient's stratum at creation: {stratum, day, questionnaireId, added[]}.
alter table plan add column stratified_care jsonb;

-- Plans created before the schedule existed get an empty one, so every plan has every section.
insert into plan_section (plan_id, kind, version, content, updated_by, updated_at)
select id, 'ASSESSMENTS', 0, '{"assessments": []}'::jsonb, owner_subject, now() from plan;

-- One row per notice raised: AssessmentDue and AssessmentOverdue go out once per due occurrence, whichever instance
-- gets there first (the primary key decides; the loser's insert does nothing and it publishes nothing).
create table assessment_notice (
    plan_id    uuid        not null references plan (id) on delete cascade,
    instrument varchar(20) not null,
    due_day    date        not null,
    kind       varchar(10) not null,
    raised_at  timestamptz not null,
    primary key (plan_id, instrument, due_day, kind)
);
