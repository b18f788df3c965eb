-- A published round outlives the accounts in it: deleting a person keeps their pairs, unmatched
-- entries and circle places with the person left empty (shown as "former employee"), instead of
-- cascading them away. Drafts drop the person in the application (PersonDeleted).
-- Changing a foreign key's action needs its generated name, which differs between H2 and
-- PostgreSQL, so each table is rebuilt under a new name, filled, and renamed back (portable SQL).

create table round_pair_kept (
    id bigint primary key,
    round_id bigint not null references matching_round (id) on delete cascade,
    mentor_id bigint references person (id) on delete set null,
    mentee_id bigint references person (id) on delete set null,
    pinned boolean not null default false,
    forced boolean not null default false,
    pair_value bigint not null,
    explanation varchar(2000) not null
);
insert into round_pair_kept (id, round_id, mentor_id, mentee_id, pinned, forced, pair_value, explanation)
    select id, round_id, mentor_id, mentee_id, pinned, forced, pair_value, explanation from round_pair;
drop table round_pair;
alter table round_pair_kept rename to round_pair;
alter table round_pair add constraint uq_round_mentee unique (round_id, mentee_id);

create table round_unmatched_kept (
    id bigint primary key,
    round_id bigint not null references matching_round (id) on delete cascade,
    mentee_id bigint references person (id) on delete set null,
    reason varchar(1000) not null
);
insert into round_unmatched_kept (id, round_id, mentee_id, reason)
    select id, round_id, mentee_id, reason from round_unmatched;
drop table round_unmatched;
alter table round_unmatched_kept rename to round_unmatched;

-- No primary key any more: several former employees may share a circle.
create table round_circle_member_kept (
    circle_id bigint not null references round_circle (id) on delete cascade,
    person_id bigint references person (id) on delete set null,
    pinned boolean not null default false
);
insert into round_circle_member_kept (circle_id, person_id, pinned)
    select circle_id, person_id, pinned from round_circle_member;
drop table round_circle_member;
alter table round_circle_member_kept rename to round_circle_member;
create index ix_round_circle_member_circle on round_circle_member (circle_id);
create index ix_round_circle_member_person on round_circle_member (person_id);
create index ix_round_pair_mentor on round_pair (mentor_id);
create index ix_round_unmatched_mentee on round_unmatched (mentee_id);
