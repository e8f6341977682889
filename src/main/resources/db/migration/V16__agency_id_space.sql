-- Each agency has its own space of client-visible ids (issue 9, finding 8; ADR 0005): when an agency
-- registers an application or files a dispute under an id that another agency's object already
-- uses, the object is stored under an id derived from (agency, id), and this row maps the id the
-- agency sees to the stream it names. Rows exist only for such collisions.
create table agency_id_alias (
    agency_id   text        not null,
    client_id   uuid        not null,
    stream_id   uuid        not null unique,
    created_at  timestamptz not null default now(),
    primary key (agency_id, client_id)
);
