-- Runs once, when the postgres container initialises an empty data directory, as the owner
-- (POSTGRES_USER, gongkai). Creates the role the service connects as: it may append events but never
-- change one (README, "Append-only event table"); migration V10 grants it the rest.
-- psql script: \getenv reads the password from the container's environment (psql 15+).
\getenv service_password GONGKAI_DB_PASSWORD
select format('create role gongkai_service login password %L', :'service_password')
where not exists (select from pg_roles where rolname = 'gongkai_service')
\gexec
