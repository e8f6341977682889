-- The year close's progress (GET /api/statistics/{year}/close): which applications have been carried
-- forward from which year, kept by the annual-tables projection beside the applications it counts, so
-- that "how many carry-forwards are still to come" is one query over one projection's view.
create table statistics_carried_forward (
    request_id uuid    not null,
    from_year  integer not null,
    agency_id  text    not null,
    primary key (request_id, from_year)
);
create index statistics_carried_forward_year on statistics_carried_forward (agency_id, from_year);

-- Carry-forwards recorded before this table existed: read once from their events (the payload of
-- RequestCarriedForward is plain JSON, it holds no personal data). Events the projection has not
-- reached yet are added by its handler; "on conflict" makes the two meet without double counting.
insert into statistics_carried_forward (request_id, from_year, agency_id)
select a.request_id, (convert_from(e.payload, 'UTF8')::jsonb ->> 'fromYear')::integer, a.agency_id
from domain_event_entry e
join statistics_application a on a.request_id::text = e.aggregate_identifier
where e.payload_type = 'cn.gongkai.ledger.requests.events.RequestCarriedForward'
on conflict do nothing;
