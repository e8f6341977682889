-- Demo agencies and users, for the embedded/dev and test runs only: this folder is on
-- spring.flyway.locations there (classpath:db/demo) and never in production.
-- lead-<agency> holds two roles (HANDLER and REVIEWER), to show that 编审分离 binds a person, not a role.
-- Every demo password is "demo" (BCrypt, cost 10). When this script changes, Flyway runs it again:
-- it then resets the demo users' names and passwords, re-enables them and re-adds missing roles.

insert into agency (id, name, parent_id) values
    ('kaifaqu', '驻马店经济开发区管委会', null),
    ('yicheng', '驻马店市驿城区人民政府', null)
on conflict (id) do update set name = excluded.name, parent_id = excluded.parent_id;

insert into staff_user (username, password_hash, display_name, agency_id, enabled) values
    ('handler-kaifaqu', '{bcrypt}$2a$10$3b5AMZo99nPf3Dtc1qhJ0.KSsjalpd4zEu2UAZVUW.Kp6DXNPQO6y', '开发区经办人甲', 'kaifaqu', true),
    ('handler2-kaifaqu', '{bcrypt}$2a$10$3b5AMZo99nPf3Dtc1qhJ0.KSsjalpd4zEu2UAZVUW.Kp6DXNPQO6y', '开发区经办人乙', 'kaifaqu', true),
    ('reviewer-kaifaqu', '{bcrypt}$2a$10$3b5AMZo99nPf3Dtc1qhJ0.KSsjalpd4zEu2UAZVUW.Kp6DXNPQO6y', '开发区审核人甲', 'kaifaqu', true),
    ('reviewer2-kaifaqu', '{bcrypt}$2a$10$3b5AMZo99nPf3Dtc1qhJ0.KSsjalpd4zEu2UAZVUW.Kp6DXNPQO6y', '开发区审核人乙', 'kaifaqu', true),
    ('head-kaifaqu', '{bcrypt}$2a$10$3b5AMZo99nPf3Dtc1qhJ0.KSsjalpd4zEu2UAZVUW.Kp6DXNPQO6y', '开发区负责人', 'kaifaqu', true),
    ('auditor-kaifaqu', '{bcrypt}$2a$10$3b5AMZo99nPf3Dtc1qhJ0.KSsjalpd4zEu2UAZVUW.Kp6DXNPQO6y', '开发区审计人员', 'kaifaqu', true),
    ('admin-kaifaqu', '{bcrypt}$2a$10$3b5AMZo99nPf3Dtc1qhJ0.KSsjalpd4zEu2UAZVUW.Kp6DXNPQO6y', '开发区管理员', 'kaifaqu', true),
    ('lead-kaifaqu', '{bcrypt}$2a$10$3b5AMZo99nPf3Dtc1qhJ0.KSsjalpd4zEu2UAZVUW.Kp6DXNPQO6y', '开发区股长（经办兼审核）', 'kaifaqu', true),
    ('handler-yicheng', '{bcrypt}$2a$10$3b5AMZo99nPf3Dtc1qhJ0.KSsjalpd4zEu2UAZVUW.Kp6DXNPQO6y', '驿城区经办人甲', 'yicheng', true),
    ('handler2-yicheng', '{bcrypt}$2a$10$3b5AMZo99nPf3Dtc1qhJ0.KSsjalpd4zEu2UAZVUW.Kp6DXNPQO6y', '驿城区经办人乙', 'yicheng', true),
    ('reviewer-yicheng', '{bcrypt}$2a$10$3b5AMZo99nPf3Dtc1qhJ0.KSsjalpd4zEu2UAZVUW.Kp6DXNPQO6y', '驿城区审核人甲', 'yicheng', true),
    ('reviewer2-yicheng', '{bcrypt}$2a$10$3b5AMZo99nPf3Dtc1qhJ0.KSsjalpd4zEu2UAZVUW.Kp6DXNPQO6y', '驿城区审核人乙', 'yicheng', true),
    ('head-yicheng', '{bcrypt}$2a$10$3b5AMZo99nPf3Dtc1qhJ0.KSsjalpd4zEu2UAZVUW.Kp6DXNPQO6y', '驿城区负责人', 'yicheng', true),
    ('auditor-yicheng', '{bcrypt}$2a$10$3b5AMZo99nPf3Dtc1qhJ0.KSsjalpd4zEu2UAZVUW.Kp6DXNPQO6y', '驿城区审计人员', 'yicheng', true),
    ('admin-yicheng', '{bcrypt}$2a$10$3b5AMZo99nPf3Dtc1qhJ0.KSsjalpd4zEu2UAZVUW.Kp6DXNPQO6y', '驿城区管理员', 'yicheng', true),
    ('lead-yicheng', '{bcrypt}$2a$10$3b5AMZo99nPf3Dtc1qhJ0.KSsjalpd4zEu2UAZVUW.Kp6DXNPQO6y', '驿城区股长（经办兼审核）', 'yicheng', true)
on conflict (username) do update set password_hash = excluded.password_hash,
                                     display_name  = excluded.display_name,
                                     agency_id     = excluded.agency_id,
                                     enabled       = true;

insert into staff_role (username, role) values
    ('handler-kaifaqu', 'HANDLER'),
    ('handler2-kaifaqu', 'HANDLER'),
    ('reviewer-kaifaqu', 'REVIEWER'),
    ('reviewer2-kaifaqu', 'REVIEWER'),
    ('head-kaifaqu', 'HEAD'),
    ('auditor-kaifaqu', 'AUDITOR'),
    ('admin-kaifaqu', 'ADMIN'),
    ('lead-kaifaqu', 'HANDLER'),
    ('lead-kaifaqu', 'REVIEWER'),
    ('handler-yicheng', 'HANDLER'),
    ('handler2-yicheng', 'HANDLER'),
    ('reviewer-yicheng', 'REVIEWER'),
    ('reviewer2-yicheng', 'REVIEWER'),
    ('head-yicheng', 'HEAD'),
    ('auditor-yicheng', 'AUDITOR'),
    ('admin-yicheng', 'ADMIN'),
    ('lead-yicheng', 'HANDLER'),
    ('lead-yicheng', 'REVIEWER')
on conflict do nothing;

-- The platform administrator (平台管理员): sets up agencies and their first ADMIN, reads no agency's data.
insert into staff_user (username, password_hash, display_name, agency_id, enabled) values
    ('platform-admin', '{bcrypt}$2a$10$3b5AMZo99nPf3Dtc1qhJ0.KSsjalpd4zEu2UAZVUW.Kp6DXNPQO6y', '平台管理员', 'platform', true)
on conflict (username) do update set password_hash = excluded.password_hash,
                                     display_name  = excluded.display_name,
                                     agency_id     = excluded.agency_id,
                                     enabled       = true;

insert into staff_role (username, role) values ('platform-admin', 'PLATFORM_ADMIN') on conflict do nothing;
