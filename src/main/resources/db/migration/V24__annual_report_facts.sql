-- What the annual report's publication gate and part 六 need from the applications, kept by the
-- "annual-report-facts" processor (module report) from the request events: the agency and registration
-- number of each application, whether its deadline was extended, its answer drafts and when each was
-- approved or returned, and its fee notice with the payment or waiver. No personal data.
-- (Helper h-report-model; renumber at merge.)
create table report_request_fact (
    request_id          uuid    primary key,
    agency_id           text    not null,
    registration_number text    not null,
    received_on         date    not null,
    extended            boolean not null default false,
    concluded_on        date
);
create index report_request_fact_agency on report_request_fact (agency_id);

create table report_answer_draft (
    request_id   uuid    not null,
    draft_number integer not null,
    drafted_on   date    not null,
    decided_on   date,
    primary key (request_id, draft_number)
);

create table report_fee_notice (
    request_id  uuid   primary key,
    issued_on   date   not null,
    amount_fen  bigint not null,
    paid_on     date,
    paid_fen    bigint,
    waived_on   date
);
