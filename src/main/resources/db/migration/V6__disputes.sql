-- Reconsideration and litigation cases (复议诉讼), kept by the "dispute-tables" streaming processor
-- from the Dispute events; part 四 of the annual report is counted from here.
-- result and decided_on stay null until the case is decided.
create table dispute_case (
    dispute_id          uuid primary key,
    agency_id           text not null,
    request_id          uuid not null,
    registration_number text not null,
    kind                text not null,
    filed_on            date not null,
    case_number         text,
    authority           text,
    result              text,
    decided_on          date,
    -- when the filing and the decision were recorded: part 四 as it stood at a past instant
    filed_recorded_at   timestamptz not null,
    decided_recorded_at timestamptz,
    check ((result is null) = (decided_on is null)),
    check (decided_on is null or decided_on >= filed_on)
);

-- part 四 of one agency and year scans the agency's cases filed up to the year's end
create index dispute_case_agency_filed on dispute_case (agency_id, filed_on);
create index dispute_case_request on dispute_case (request_id);
