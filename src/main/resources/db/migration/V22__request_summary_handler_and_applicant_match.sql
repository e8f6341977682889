-- 待办 filters by 经办人: the last handler who acted on an application (requests.read.RequestSummaryProjection).
-- Rows written before this column stay null until the projection is replayed.
alter table request_summary add column handled_by text;
create index request_summary_agency_handler on request_summary (agency_id, handled_by);

-- Possible repeat applications (登记 page): an HMAC-SHA256 of the applicant's ID number under a key kept outside
-- the database (requests.write.receive.JdbcApplicantMatches), written in the registration's own transaction
-- (no event processor ever sees personal data decrypted, ADR 0009) and deleted in the erasure's.
create table applicant_match (
    request_id          uuid primary key,
    agency_id           text not null,
    match               text not null,
    registration_number text not null,
    received_on         date not null
);
create index applicant_match_agency_match on applicant_match (agency_id, match);
