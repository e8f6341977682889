-- The audit trail looks up an application's registration number by its aggregate and first event type
-- (AuditTrailProjection.registrationNumber) for every request event after the first. Without an index that was a
-- sequential scan of audit_entry per event: 124 ms at 65,000 entries on the 2-core machine, and the projection
-- fell to 130 events/s while catching up on a 100,000-row import (docs/benchmarks.md, 2 December).
create index audit_entry_aggregate on audit_entry (aggregate_id, event_type);
