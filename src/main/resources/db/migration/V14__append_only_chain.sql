-- The hash chain is as append-only as the events it covers: the service appends links and never
-- changes one (a reset of the integrity-chain processor leaves chained events alone, docs/adr/0008).
-- Without this, the service's role could rewrite a link after editing... nothing, since it cannot
-- edit events; but a stolen service password must not be enough to delete the evidence either.
do $$
begin
    execute format('revoke update, delete, truncate, references, trigger on table integrity_chain from %I',
                   '${service_role}');
end $$;

create trigger integrity_chain_append_only
    before update or delete on integrity_chain
    for each row execute function append_only_guard();
create trigger integrity_chain_append_only_truncate
    before truncate on integrity_chain
    for each statement execute function append_only_guard();
alter table integrity_chain enable always trigger integrity_chain_append_only;
alter table integrity_chain enable always trigger integrity_chain_append_only_truncate;
