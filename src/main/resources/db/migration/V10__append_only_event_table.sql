-- Append-only by construction (docs/adr/0007-append-only-event-table.md).
-- Two roles: the owner, who runs these migrations and owns every table, and the service role the
-- application connects as (${service_role}, from spring.datasource.username). The service role may
-- append events but never change or remove one: no UPDATE, DELETE or TRUNCATE privilege on
-- domain_event_entry, and a trigger that rejects those for every role but the table's owner, so that a
-- mistaken "grant all" later does not open the table again.

do $$
declare
    service name := '${service_role}';
begin
    if not exists (select from pg_roles where rolname = service) then
        raise exception using
            message = format('服务角色 %s 不存在（the service role %s does not exist）', service, service),
            hint = format('As a PostgreSQL administrator: CREATE ROLE %I LOGIN PASSWORD ''...''; then set '
                          'GONGKAI_DB_USER=%s and GONGKAI_DB_PASSWORD for the service and GONGKAI_DB_OWNER / '
                          'GONGKAI_DB_OWNER_PASSWORD for the owner of the tables (README, "Append-only event table").',
                          service, service);
    end if;
    if pg_has_role(service, current_user, 'MEMBER') then
        raise exception using
            message = format('服务角色 %s 不能是表的所有者 %s 或其成员（the service role %s must not be, or be a member of, %s, the owner who runs the migrations）',
                             service, current_user, service, current_user),
            hint = format('The owner may change every row, so the event table would not be append-only. Create a '
                          'separate role (CREATE ROLE gongkai_service LOGIN PASSWORD ''...''), set GONGKAI_DB_USER to it '
                          'and GONGKAI_DB_OWNER=%s (README, "Append-only event table").', current_user);
    end if;
    if (select rolsuper from pg_roles where rolname = service) then
        raise exception using
            message = format('服务角色 %s 是超级用户（the service role %s is a superuser）', service, service),
            hint = 'A superuser may disable the trigger that keeps the event table append-only: give the service a plain LOGIN role.';
    end if;
end $$;

-- What the service needs on everything that exists now: read and write the read models, tokens and
-- dead letters; TRUNCATE too, because the projections' reset handlers truncate their tables on replay.
do $$
declare
    service name := '${service_role}';
    schema  name := current_schema();
begin
    execute format('grant usage on schema %I to %I', schema, service);
    execute format('grant select, insert, update, delete, truncate on all tables in schema %I to %I', schema, service);
    execute format('grant usage, select, update on all sequences in schema %I to %I', schema, service);
    -- tables and sequences the owner creates in later migrations (V11 and on) get the same, unasked
    execute format('alter default privileges for role %I in schema %I'
                   ' grant select, insert, update, delete, truncate on tables to %I', current_user, schema, service);
    execute format('alter default privileges for role %I in schema %I'
                   ' grant usage, select, update on sequences to %I', current_user, schema, service);

    -- Flyway's own history is the owner's business
    execute format('revoke all on table %I.%I from %I', '${flyway:defaultSchema}', '${flyway:table}', service);

    -- the event table: append and read only
    execute format('revoke update, delete, truncate, references, trigger on table domain_event_entry from %I', service);
    -- nextval needs USAGE only; setval (UPDATE) could rewind the global index onto existing events or
    -- open gaps that slow every tracking processor
    execute format('revoke update on sequence %s from %I',
                   pg_get_serial_sequence('domain_event_entry', 'global_index'), service);
end $$;

-- The guard. Generic: attach it to any table that must be append-only (e.g. a hash-chain table):
--   create trigger <table>_append_only before update or delete on <table>
--       for each row execute function append_only_guard();
--   create trigger <table>_append_only_truncate before truncate on <table>
--       for each statement execute function append_only_guard();
--   alter table <table> enable always trigger <table>_append_only;
--   alter table <table> enable always trigger <table>_append_only_truncate;
-- Only the table's owner passes (a correction by migration stays possible); every other role, a
-- superuser included, gets SQLSTATE 42501. ENABLE ALWAYS keeps it firing under
-- session_replication_role = replica, the usual way to bypass triggers.
create function append_only_guard() returns trigger
    language plpgsql
as $$
declare
    table_owner name := (select pg_get_userbyid(relowner) from pg_class where oid = tg_relid);
begin
    if current_user = table_owner then
        if tg_level = 'ROW' then
            return case when tg_op = 'DELETE' then old else new end;
        end if;
        return null;
    end if;
    raise exception using
        errcode = 'insufficient_privilege',
        message = format('%s 只能追加，不能%s（append-only: role %s may not %s %s）',
                         tg_table_name,
                         case tg_op when 'UPDATE' then '修改' when 'DELETE' then '删除' else '清空' end,
                         current_user, tg_op, tg_table_name),
        hint = '更正以补偿事件记录，不改历史 (corrections are new events, never edits). Only the table owner may change rows.';
end $$;

create trigger domain_event_entry_append_only
    before update or delete on domain_event_entry
    for each row execute function append_only_guard();
create trigger domain_event_entry_append_only_truncate
    before truncate on domain_event_entry
    for each statement execute function append_only_guard();
alter table domain_event_entry enable always trigger domain_event_entry_append_only;
alter table domain_event_entry enable always trigger domain_event_entry_append_only_truncate;
