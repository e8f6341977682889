-- Registration numbers: one series per agency and registration year (2026-0042), drawn inside
-- the registering command's transaction so that the series has no gaps.
create table registration_counter (
    agency_id   text    not null,
    year        integer not null,
    last_number integer not null,
    primary key (agency_id, year)
);

-- The list read model of applications, kept by the "request-summary" streaming processor.
-- state holds the folded RequestFile (no personal data); the columns are what lists filter on.
create table request_summary (
    request_id          uuid        primary key,
    agency_id           text        not null,
    registration_number text        not null,
    received_on         date        not null,
    applicant_category  text        not null,
    status              text        not null,
    outcome             text,
    concluded_on        date,
    due_on              date,
    due_provisional     boolean     not null default false,
    version             bigint      not null,
    state               jsonb       not null,
    updated_at          timestamptz not null default now()
);

create index request_summary_agency_status on request_summary (agency_id, status);
create index request_summary_agency_received on request_summary (agency_id, received_on);
create index request_summary_open_due on request_summary (agency_id, due_on)
    where status not in ('CONCLUDED', 'ARCHIVED');
