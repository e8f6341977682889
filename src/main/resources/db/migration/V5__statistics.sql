-- The annual-tables projection (processor "annual-tables", one segment: its counters are shared
-- by all applications of an agency, and one ordered stream also makes the year close complete).

-- What the tables need of each application: category, business dates, outcome.
create table statistics_application (
    request_id          uuid    primary key,
    agency_id           text    not null,
    registration_number text    not null,
    category            text    not null,
    received_on         date    not null,
    concluded_on        date,
    outcome             text,
    version             bigint  not null
);
create index statistics_application_received on statistics_application (agency_id, received_on);
create index statistics_application_concluded on statistics_application (agency_id, concluded_on);

-- Counters per agency, year, row and column: RECEIVED by receipt year, outcome rows and
-- RESOLVED_TOTAL by conclusion year; TOTAL is counted on its own, so that reconciliation checks
-- two independent sums. Carried over/forward are cumulative sums over the years, so reading a
-- table costs the same for ten applications or ten million.
create table statistics_count (
    agency_id   text    not null,
    year        integer not null,
    row_code    text    not null,
    column_code text    not null,
    value       bigint  not null,
    primary key (agency_id, year, row_code, column_code)
);

create table statistics_closed_year (
    agency_id text    not null,
    year      integer not null,
    closed_on date    not null,
    primary key (agency_id, year)
);
