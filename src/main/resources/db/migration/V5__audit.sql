-- Who did what and when: publish, discard and every manual change of a round, programme changes.
create sequence audit_entry_seq start with 1 increment by 50;
create table audit_entry (
    id bigint primary key,
    occurred_at timestamp not null,
    actor_email varchar(254) not null,
    action_name varchar(64) not null,
    subject_type varchar(32) not null,
    subject_id bigint,
    program_id bigint,
    details varchar(2000)
);
create index ix_audit_occurred on audit_entry (occurred_at);
create index ix_audit_action on audit_entry (action_name);
