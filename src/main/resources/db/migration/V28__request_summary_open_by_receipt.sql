-- The request list of open applications, newest first (GET /api/requests?overdue=true, 待办): an index of the open
-- applications alone in the list's order, carrying the due date and the id, so that the page's ids are found by an
-- index-only scan that skips the rows not yet due without reading them; the rows are read for the 50 ids only
-- (requests.read.RequestList). At 140,800 open applications the overdue page took 74 ms with the receipt index.
create index request_summary_open_received on request_summary (agency_id, received_on, registration_number)
    include (due_on, request_id)
    where status not in ('CONCLUDED', 'ARCHIVED');
