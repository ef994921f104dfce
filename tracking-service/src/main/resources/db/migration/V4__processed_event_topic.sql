-- processed_event is platform-events' table now: it also records the topic an event was read from.
alter table processed_event add column topic varchar(64);
