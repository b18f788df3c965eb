-- Audit log: who changed what, written in the same transaction as the change.
-- Portable SQL: runs on H2 (default, tests) and PostgreSQL (production).
-- The actor's email is kept as text so entries survive the deletion of the account;
-- program_id has no foreign key so the log outlives programmes too.

create sequence audit_entry_seq start with 1 increment by 50;
create table audit_entry (
    id bigint primary key,
    occurred_at timestamp not null,
    actor_id bigint references person (id) on delete set null,
    actor_email varchar(254) not null,
    action_name varchar(64) not null,
    subject_type varchar(32),
    subject_id bigint,
    program_id bigint,
    details varchar(2000)
);
create index ix_audit_entry_occurred on audit_entry (occurred_at);
create index ix_audit_entry_action on audit_entry (action_name);
create index ix_audit_entry_program on audit_entry (program_id);
