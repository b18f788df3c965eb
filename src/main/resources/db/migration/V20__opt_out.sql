-- Opt-out (issue 12): a pause per enrollment, and each person's confidential do-not-pair list.

-- Rounds started before this day leave the person out; from this day on they take part again.
alter table enrollment add column paused_until date;

-- Confidential: shown only to its owner. Either direction keeps the two apart in pairs and circles.
create sequence do_not_pair_entry_seq start with 1 increment by 50;
create table do_not_pair_entry (
    id bigint primary key,
    owner_id bigint not null references person (id),
    colleague_id bigint not null references person (id),
    created_at timestamp not null,
    constraint uq_do_not_pair_entry unique (owner_id, colleague_id),
    constraint ck_do_not_pair_entry_not_self check (owner_id <> colleague_id)
);
create index ix_do_not_pair_entry_colleague on do_not_pair_entry (colleague_id);
