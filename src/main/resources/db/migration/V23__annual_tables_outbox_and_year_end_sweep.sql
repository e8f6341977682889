-- Statistics announces what changed (docs/adr/0017): the annual-tables and dispute-tables projections
-- record, in the transaction that moves their counters, which agency-years' tables changed. The publisher
-- reads these rows, sends the tables of those agency-years to gongkai.annual-tables.v1 and deletes the
-- rows once Kafka has acknowledged them. One row per agency, first year and kind: a change that repeats a
-- pending one only moves its change number, so a row deleted after a send was read before that change is
-- kept (the delete names the change number it read).
--   through_current: true when every year from from_year up to the current year changed (running
--   balances: carried over and forward), false when only from_year did.
create sequence annual_tables_outbox_change;
create table annual_tables_outbox (
    agency_id       text    not null,
    from_year       integer not null,
    through_current boolean not null,
    change          bigint  not null default nextval('annual_tables_outbox_change'),
    primary key (agency_id, from_year, through_current)
);
create index annual_tables_outbox_order on annual_tables_outbox (change);

-- The year-end sweep (statistics.internal.YearEndSweep), a process apart from the read model: its own view of
-- which applications are open at which year's end and which years are closed, kept in the order of the
-- events by its own processor, so that a sweep on YearClosed sees every application received before it.
create table year_end_sweep_application (
    request_id   uuid primary key,
    agency_id    text not null,
    received_on  date not null,
    concluded_on date
);
create index year_end_sweep_application_agency on year_end_sweep_application (agency_id, received_on);
create table year_end_sweep_closed_year (
    agency_id text    not null,
    year      integer not null,
    primary key (agency_id, year)
);
