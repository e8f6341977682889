-- 待办 filters by 经办人: the last handler who acted on an application (requests.read.RequestSummaryProjection).
-- Rows written before this column stay null until the projection is replayed.
alter table request_summary add column handled_by text;
create index request_summary_agency_handler on request_summary (agency_id, handled_by);

-- Possible repeat applications (登记 page): an HMAC of the applicant's ID number, with a key kept outside the
-- database (requests.read.ApplicantMatch); null without an ID number and once the personal data is erased.
alter table request_summary add column applicant_match text;
create index request_summary_agency_applicant_match on request_summary (agency_id, applicant_match)
    where applicant_match is not null;
