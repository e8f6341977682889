-- Written notices to the applicant (issue 15).

-- 文号: one series per agency and year. Drawn with an upsert ... returning in the transaction that
-- appends NoticeIssued, so a refused or rolled-back letter returns its number: no gap, no repeat.
create table notice_counter (
    agency_id   text    not null,
    year        integer not null,
    last_number integer not null,
    primary key (agency_id, year)
);

-- The agency's letterhead, versioned: each change by an ADMIN is a new row (who, when).
create table notice_letterhead (
    agency_id                 text        not null,
    version                   integer     not null,
    agency_name               text        not null,
    number_prefix             text        not null,
    seal_text                 text        not null,
    reconsideration_authority text        not null,
    court                     text        not null,
    changed_by                text        not null,
    changed_at                timestamptz not null,
    primary key (agency_id, version)
);

-- The agency's text of one notice kind (and, for the answer letter, one outcome), versioned the same way.
-- outcome is '' for the kinds other than the answer letter.
create table notice_template (
    agency_id  text        not null,
    kind       text        not null,
    outcome    text        not null,
    version    integer     not null,
    body       text        not null,
    changed_by text        not null,
    changed_at timestamptz not null,
    primary key (agency_id, kind, outcome, version)
);

-- The rendered files, AES-256-GCM with the application's personal-data key: erasing the applicant's
-- data (destroying the key) makes them unreadable. The hash of the plain file is in NoticeIssued.
create table notice_file (
    notice_id  uuid        not null,
    format     text        not null,
    request_id uuid        not null,
    iv         bytea       not null,
    ciphertext bytea       not null,
    stored_at  timestamptz not null default now(),
    primary key (notice_id, format)
);
create index notice_file_request on notice_file (request_id);

do $$
begin
    execute format('revoke update, delete, truncate, references, trigger on table notice_letterhead, notice_template, notice_file from %I',
                   '${service_role}');
end $$;

create trigger notice_letterhead_append_only before update or delete on notice_letterhead
    for each row execute function append_only_guard();
create trigger notice_letterhead_append_only_truncate before truncate on notice_letterhead
    for each statement execute function append_only_guard();
alter table notice_letterhead enable always trigger notice_letterhead_append_only;
alter table notice_letterhead enable always trigger notice_letterhead_append_only_truncate;

create trigger notice_template_append_only before update or delete on notice_template
    for each row execute function append_only_guard();
create trigger notice_template_append_only_truncate before truncate on notice_template
    for each statement execute function append_only_guard();
alter table notice_template enable always trigger notice_template_append_only;
alter table notice_template enable always trigger notice_template_append_only_truncate;

create trigger notice_file_append_only before update or delete on notice_file
    for each row execute function append_only_guard();
create trigger notice_file_append_only_truncate before truncate on notice_file
    for each statement execute function append_only_guard();
alter table notice_file enable always trigger notice_file_append_only;
alter table notice_file enable always trigger notice_file_append_only_truncate;
