-- Agencies administered through the API (issue 10, item 7; docs/adr/0015).
-- The platform administrator (平台管理员) sets up agencies and their first ADMIN, and reads no agency's
-- applications. Its account belongs to the platform's operators, a row of its own that keeps no register:
-- no year is closed and no table published for it, it is in no roll-up, and no agency's ADMIN sees it.
alter table staff_role drop constraint staff_role_role_check;
alter table staff_role add constraint staff_role_role_check
    check (role in ('HANDLER', 'REVIEWER', 'HEAD', 'AUDITOR', 'ADMIN', 'PLATFORM_ADMIN'));

alter table agency add column platform_operator boolean not null default false;

insert into agency (id, name, platform_operator) values ('platform', '平台运维', true)
on conflict (id) do nothing;
