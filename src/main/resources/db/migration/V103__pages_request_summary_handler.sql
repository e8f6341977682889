-- 待办 filters by 经办人: the last handler who acted on an application (requests.read.RequestSummaryProjection).
-- Rows written before this column stay null until the projection is replayed.
alter table request_summary add column handled_by text;
create index request_summary_agency_handler on request_summary (agency_id, handled_by);
