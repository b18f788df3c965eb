-- Personal API tokens for scripts (Authorization: Bearer). Only the SHA-256 of each token is stored:
-- a leaked database opens nobody's account. Revoking deletes the row; the audit log keeps the history.
create sequence api_token_seq start with 1 increment by 50;
create table api_token (
    id bigint primary key,
    person_id bigint not null references person (id) on delete cascade,
    token_name varchar(60) not null,
    token_hash varchar(64) not null,
    created_at timestamp not null,
    expires_at timestamp,
    last_used_at timestamp,
    constraint uq_api_token_hash unique (token_hash),
    constraint uq_api_token_person_name unique (person_id, token_name)
);
create index ix_api_token_person on api_token (person_id);
