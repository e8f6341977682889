-- Agencies, staff users and their roles (module access).
-- Users are disabled, never deleted: events name them as actors for as long as the register exists.
create table agency (
    id        text primary key,
    name      text not null,
    parent_id text references agency (id)
);

create index agency_parent_idx on agency (parent_id);

create table staff_user (
    username      text primary key,
    password_hash text        not null,
    display_name  text        not null,
    agency_id     text        not null references agency (id),
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now()
);

create index staff_user_agency_idx on staff_user (agency_id);

create table staff_role (
    username text references staff_user (username),
    role     text not null check (role in ('HANDLER', 'REVIEWER', 'HEAD', 'AUDITOR', 'ADMIN')),
    primary key (username, role)
);
