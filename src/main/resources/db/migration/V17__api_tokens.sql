-- API tokens for service accounts (issue 10, item 1; docs/security.md "Issue 10: API tokens").
-- A service account is a staff_user row without a password: it never logs in with Basic and acts only
-- through its tokens. It stays in staff_user so that events keep naming an account that exists,
-- that disabling it stops its tokens at once, and that usernames stay unique across people and machines.
alter table staff_user add column service_account boolean not null default false;
alter table staff_user alter column password_hash drop not null;
alter table staff_user add constraint staff_user_person_has_password
    check (service_account or password_hash is not null);

-- One row per token. The token itself is never stored, only the SHA-256 of its whole text: a stolen
-- copy of this table lets no one call the API. Rows are revoked, never deleted: the events a token
-- sent keep naming it.
create table api_token (
    id          uuid        primary key,
    token_hash  bytea       not null unique check (length(token_hash) = 32),
    name        text        not null,
    username    text        not null references staff_user (username),
    agency_id   text        not null references agency (id),
    -- comma-separated role names, as in the actor's metadata
    roles       text        not null
        check (roles ~ '^(HANDLER|REVIEWER|HEAD|AUDITOR|ADMIN)(,(HANDLER|REVIEWER|HEAD|AUDITOR|ADMIN))*$'),
    created_by  text        not null,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    revoked_at  timestamptz,
    revoked_by  text
);

create index api_token_agency_idx on api_token (agency_id, created_at);
