-- Deadline alerts (issue 11, item 9): one row per alert sent to gongkai.deadline-alerts.v1, written in the
-- transaction that waits for Kafka's acknowledgement. The primary key makes an alert go out once per application,
-- state and due date, across restarts and instances: a second instance's insert waits for the first one's
-- transaction and then finds the row; if Kafka refused the alert, the row is rolled back and the next run sends it.
-- A new due date (an extension, a calendar change) is a new alert. No personal data.
create table deadline_alert (
    request_id          uuid        not null,
    state               text        not null check (state in ('DUE_SOON', 'OVERDUE')),
    due_on              date        not null,
    agency_id           text        not null,
    registration_number text        not null,
    business_date       date        not null,
    sent_at             timestamptz not null,
    primary key (request_id, state, due_on)
);

create index deadline_alert_agency_sent on deadline_alert (agency_id, sent_at);
