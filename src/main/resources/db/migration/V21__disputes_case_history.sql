-- Every state a case was in, and when the ledger knew it (kept by the "dispute-tables" processor
-- with dispute_case): part 四 as it stood at a past instant counts the states valid at that instant
-- (recorded_from <= at < recorded_to), and publication-diff names the event behind each move of a
-- case between cells. One row per event of the case, version = its sequence number; a withdrawn
-- case's last state has withdrawn = true and counts nowhere. (Helper h-disputes; renumber at merge.)
create table dispute_case_version (
    dispute_id          uuid        not null,
    version             bigint      not null,
    agency_id           text        not null,
    request_id          uuid        not null,
    registration_number text        not null,
    kind                text        not null,
    filed_on            date        not null,
    result              text,
    decided_on          date,
    withdrawn           boolean     not null default false,
    recorded_from       timestamptz not null,
    recorded_to         timestamptz,
    event_type          text        not null,
    recorded_by         text,
    primary key (dispute_id, version),
    check ((result is null) = (decided_on is null))
);
create index dispute_case_version_agency_filed on dispute_case_version (agency_id, filed_on);

-- the cases recorded before: their filing, and their decision where there is one
insert into dispute_case_version (dispute_id, version, agency_id, request_id, registration_number, kind, filed_on,
                                  recorded_from, recorded_to, event_type)
select dispute_id, 0, agency_id, request_id, registration_number, kind, filed_on, filed_recorded_at,
       decided_recorded_at, 'DisputeFiled'
from dispute_case;
insert into dispute_case_version (dispute_id, version, agency_id, request_id, registration_number, kind, filed_on,
                                  result, decided_on, recorded_from, event_type)
select dispute_id, 1, agency_id, request_id, registration_number, kind, filed_on, result, decided_on,
       decided_recorded_at, 'DisputeDecided'
from dispute_case where decided_recorded_at is not null;

-- who recorded the event behind each counter change: publication-diff names them
alter table statistics_count_change add column recorded_by text;
