-- Tests only (spring.flyway.locations of application-test.yaml, after R__demo_users): the demo users keep their
-- password "demo", hashed at BCrypt cost 4 instead of 10. Every HTTP Basic call checks the password, and at cost 10
-- that is about 100 ms of CPU per call on the CI machine: thousands of calls in a test run. Accounts the tests
-- create go through the service's own encoder (cost 10) as in production (AccessIT checks the hash);
-- TokenBenchmark leaves this folder out, to measure Basic at its production cost.
update staff_user
set password_hash = '{bcrypt}$2a$04$2jVniB9ijTJfDisYABR5FOkphZbttoSa/Dg1dDTy1uy6BZw2ZBDSa'
where password_hash = '{bcrypt}$2a$10$3b5AMZo99nPf3Dtc1qhJ0.KSsjalpd4zEu2UAZVUW.Kp6DXNPQO6y';
