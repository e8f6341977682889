-- One key per data subject (an application) for the personal data inside its events (ADR 0009).
-- Erasure sets key_bytes to null and records when, by whom and why; the row is never deleted, and the
-- events it protects are never rewritten.
create table personal_data_key (
    subject_id  text        primary key,
    key_bytes   bytea,
    created_at  timestamptz not null default now(),
    erased_at   timestamptz,
    erased_by   text,
    reason      text,
    constraint personal_data_key_erased_without_key check ((key_bytes is null) = (erased_at is not null))
);
