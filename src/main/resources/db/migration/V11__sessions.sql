-- Sessions are tied to the account id and this counter: bumping it (sign-out, password change)
-- ends every cookie issued before.
alter table person add column session_version integer default 0 not null;

create table password_reset (
    id bigint primary key,
    person_id bigint not null references person (id) on delete cascade,
    token_hash varchar(64) not null,
    expires_at timestamp not null,
    used_at timestamp,
    created_at timestamp not null,
    constraint uq_password_reset_token unique (token_hash)
);
create index ix_password_reset_person on password_reset (person_id);
create sequence password_reset_seq start with 1 increment by 50;
