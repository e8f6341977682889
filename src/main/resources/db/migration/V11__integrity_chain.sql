-- The tamper-evidence hash chain over domain_event_entry (README, "Tamper evidence"; docs/adr/0008).
-- One link per stored event, in the order the integrity-chain processor chained them (position), which
-- is global order except for an event whose transaction committed late. No foreign key to the event
-- table: a deleted event must leave its link behind, so that verification can name it.
create table integrity_chain (
    position         bigint       primary key check (position > 0),
    global_index     bigint       not null unique,
    event_identifier varchar(255) not null unique,
    previous_hash    bytea        not null check (octet_length(previous_hash) = 32),
    hash             bytea        not null check (octet_length(hash) = 32),
    chained_at       timestamptz  not null
);
