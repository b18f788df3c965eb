-- A person's calendar subscription link. Only the SHA-256 of the secret token is stored: a leaked
-- database does not open anyone's calendar. One link per person; making a new one replaces (revokes) it.
create sequence calendar_feed_seq start with 1 increment by 50;
create table calendar_feed (
    id bigint primary key,
    person_id bigint not null references person (id) on delete cascade,
    token_hash varchar(64) not null,
    created_at timestamp not null,
    constraint uq_calendar_feed_person unique (person_id),
    constraint uq_calendar_feed_token unique (token_hash)
);
