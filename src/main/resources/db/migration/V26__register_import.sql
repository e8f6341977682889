-- Importing an existing register (issue 16, requests.imports). The file itself is never kept: only its SHA-256.
-- One row per dry run and per confirmed import; a confirmed import writes its events, its rows below and its
-- status DONE in one transaction, so that a crash leaves all of a file or none of it (a RUNNING row found at
-- startup is marked ROLLED_BACK: its transaction died with the process).
create table register_import (
    import_id      uuid        primary key,
    agency_id      text        not null,
    file_sha256    text        not null,
    kind           text        not null check (kind in ('DRY_RUN', 'IMPORT')),
    status         text        not null check (status in ('CHECKED', 'RUNNING', 'DONE', 'FAILED', 'ROLLED_BACK')),
    requested_by   text        not null,
    rows_total     integer     not null default 0,
    rows_refused   integer     not null default 0,
    rows_unchanged integer     not null default 0,
    rows_differing integer     not null default 0,
    rows_imported  integer     not null default 0,
    report         jsonb,
    failure        text,
    started_at     timestamptz not null default now(),
    finished_at    timestamptz
);
create index register_import_agency_sha on register_import (agency_id, file_sha256, kind);

-- The per-row idempotency key: an agency's original registration number, the application it became, and a
-- SHA-256 of the row as imported (no personal data in plain text), so that a second import of the same row
-- changes nothing and a differing one is listed for a person to decide.
create table register_import_row (
    agency_id           text    not null,
    registration_number text    not null,
    request_id          uuid    not null unique,
    row_sha256          text    not null,
    import_id           uuid    not null references register_import (import_id),
    row_number          integer not null,
    primary key (agency_id, registration_number)
);

-- The previous year's published part 三 entered as the baseline of an office whose earlier years were not kept
-- in the service: what it carried into the next year (结转下年度继续办理), per applicant column.
create table register_opening_balance (
    agency_id    text        not null,
    year         integer     not null,
    column_code  text        not null,
    carried      integer     not null check (carried >= 0),
    entered_by   text        not null,
    entered_at   timestamptz not null default now(),
    primary key (agency_id, year, column_code)
);
