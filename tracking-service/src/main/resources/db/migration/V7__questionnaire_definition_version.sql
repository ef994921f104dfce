-- tracking-service schema, version 7: a questionnaire records the version of the instrument definition it was scored
-- with (questionnaire/Instruments: PHQ-9, GAD-7, STarT Back, PCS, TSK-11, PSEQ; kind is the instrument id), so a
-- later version of a definition never re-scores earlier results. Every earlier row is an ODI 2.1a.
alter table questionnaire add column version varchar(20);
update questionnaire set version = '2.1a';
alter table questionnaire alter column version set not null;
