-- The Kafka publisher's own state: what every message of an application names besides its event.
-- Written by the publisher in the transaction that moves its token, so it is never behind it.
create table publishing_request (
    request_id          uuid primary key,
    agency_id           text not null,
    registration_number text not null
);
