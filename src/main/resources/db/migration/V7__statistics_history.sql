-- Every change of a part 三 counter, with the event that caused it and when that event was
-- recorded: the tables as they stood at any past instant are sums up to that instant, and a
-- published table's differences from today's can name the events behind each changed cell.
create table statistics_count_change (
    id                  bigserial   primary key,
    agency_id           text        not null,
    year                integer     not null,
    row_code            text        not null,
    column_code         text        not null,
    delta               bigint      not null,
    recorded_at         timestamptz not null,
    event_id            text        not null,
    event_type          text        not null,
    request_id          uuid,
    registration_number text
);
create index statistics_count_change_cell on statistics_count_change (agency_id, year, recorded_at);

alter table statistics_closed_year add column recorded_at timestamptz;

-- Published versions of an agency-year's tables (the event ReportPublished holds the same).
create table statistics_publication (
    agency_id    text        not null,
    year         integer     not null,
    version      integer     not null,
    published_on date        not null,
    published_at timestamptz not null,
    published_by text        not null,
    part3        jsonb       not null,
    part4        jsonb       not null,
    primary key (agency_id, year, version)
);
