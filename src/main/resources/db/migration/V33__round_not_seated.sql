-- Circle members a meeting could not seat without breaking a kept-apart rule: they are left out of that
-- meeting's circles, as an unmatched mentee is left without a mentor, so that one person's do-not-pair list
-- can never make a round impossible to publish. No reason is stored: it would be confidential.
-- A published round keeps the row when the account is deleted (shown as a former employee), as in V13.
create sequence round_not_seated_seq start with 1 increment by 50;
create table round_not_seated (
    id bigint primary key,
    round_id bigint not null references matching_round (id) on delete cascade,
    meeting_index integer not null,
    person_id bigint references person (id) on delete set null
);
create index ix_round_not_seated_round on round_not_seated (round_id);
create index ix_round_not_seated_person on round_not_seated (person_id);
