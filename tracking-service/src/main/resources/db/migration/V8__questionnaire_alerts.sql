-- tracking-service schema, version 8: the questionnaire safety rules (rules/QuestionnaireRules: PHQ-9 item 9,
-- PHQ-9/GAD-7 distress, PCS/TSK-11 fear-avoidance) raise an alert once per result, not per episode. A row here says
-- the alert of this type was raised for this result; the primary key makes a second raise impossible, even when the
-- rules run again for the same result.
create table questionnaire_alert (
    questionnaire_id uuid        not null references questionnaire (id),
    type             varchar(40) not null,
    patient_id       uuid        not null,
    raised_at        timestamptz not null,
    primary key (questionnaire_id, type)
);
