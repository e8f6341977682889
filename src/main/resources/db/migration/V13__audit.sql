-- The audit trail: one row per event of the store, with who acted, from where, why, and in which
-- run of work (correlation) and as a result of which message (causation). Kept by the audit-trail
-- processor and rebuilt from the events on a reset. No personal data of applicants: the label is
-- the step in plain words, the reason is the staff member's, nothing of the payload besides codes,
-- dates and the registration number is copied.
create table audit_entry (
    global_index        bigint      primary key,
    event_id            text        not null unique,
    aggregate_type      text,
    aggregate_id        text,
    sequence_number     bigint,
    event_type          text        not null,
    label               text        not null,
    agency_id           text        not null,
    actor               text,
    roles               text,
    client_address      text,
    correlation_id      text,
    causation_id        text,
    reason              text,
    business_date       date,
    recorded_at         timestamptz not null,
    -- the application concerned (its own events, and the disputes about it)
    request_id          uuid,
    registration_number text,
    -- what the event changes in the annual tables, and of which year (null: nothing)
    change_kind         text,
    counts_in_year      integer
);
-- (a) the history of one application
create index audit_entry_request on audit_entry (request_id, global_index);
-- (b) the activity of one user over a period of recorded time
create index audit_entry_actor on audit_entry (agency_id, actor, recorded_at, global_index);
-- (c) the after-the-fact changes of an agency-year
create index audit_entry_year_change on audit_entry (agency_id, counts_in_year, global_index)
    where change_kind is not null;
