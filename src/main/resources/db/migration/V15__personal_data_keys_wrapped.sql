-- Personal data keys wrapped by a key-encryption key kept outside this database (ADR 0012, erasure that
-- holds on disk): wrapped_key is AES-256-GCM of the key under version kek_version of the key file. key_bytes
-- keeps keys stored in plain before this migration until the service wraps them at its next start (a
-- migration cannot reach the key file); it is never written again.
alter table personal_data_key
    add column wrapped_key bytea,
    add column kek_version integer;
alter table personal_data_key drop constraint personal_data_key_erased_without_key;
alter table personal_data_key
    add constraint personal_data_key_erased_without_key
        check ((erased_at is not null) = (key_bytes is null and wrapped_key is null)),
    add constraint personal_data_key_one_form check (key_bytes is null or wrapped_key is null),
    add constraint personal_data_key_wrapped_with_version check ((wrapped_key is null) = (kek_version is null));

-- One row: which key file belongs to this database (its keyring id, so that another database's file is
-- refused) and which of its versions wraps new keys. The key-encryption keys themselves are never stored here.
create table personal_data_kek (
    singleton        boolean     primary key default true check (singleton),
    keyring_id       text,
    current_version  integer,
    -- set by every erasure, cleared by the rotation that destroys the version the erased key was wrapped with
    rotation_due     boolean     not null default false,
    rotated_at       timestamptz
);
insert into personal_data_kek default values;
