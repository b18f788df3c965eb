-- Transactional outbox: every notification is a row written in the transaction that caused it
-- (publishing a round, a password reset), then delivered one recipient at a time by OutboxSender.
-- Portable SQL: runs on H2 (default, tests) and PostgreSQL (production).
-- A row stays after it was sent, so a duplicate can be recognised by message_id.

create sequence outbox_message_seq start with 1 increment by 50;
create table outbox_message (
    id bigint primary key,
    kind varchar(32) not null,
    round_id bigint,
    recipient varchar(254) not null,
    recipient_name varchar(200),
    subject varchar(500) not null,
    text_body varchar(1000000) not null,
    html_body varchar(1000000),
    ics varchar(1000000),
    message_id varchar(100) not null,
    status varchar(16) not null,
    attempts integer not null,
    next_attempt_at timestamp not null,
    last_error varchar(500),
    created_at timestamp not null,
    sent_at timestamp,
    version bigint not null,
    constraint uq_outbox_message_id unique (message_id)
);
create index ix_outbox_due on outbox_message (status, next_attempt_at);
create index ix_outbox_round on outbox_message (round_id);
