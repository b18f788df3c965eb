-- Matching rounds: a snapshot of the participants, the solver's draft, manual changes, publication.

create sequence matching_round_seq start with 1 increment by 50;
create table matching_round (
    id bigint primary key,
    program_id bigint not null references program (id) on delete cascade,
    round_number integer not null,
    status varchar(16) not null,
    solve_state varchar(16) not null,
    solve_started_at timestamp,
    solve_ended_at timestamp,
    solve_message varchar(1000),
    score varchar(120),
    objective bigint,
    circle_repeats integer,
    circle_soft bigint,
    matched_count integer not null default 0,
    mentee_count integer not null default 0,
    circle_member_count integer not null default 0,
    published_at timestamp,
    last_changed_by varchar(254),
    created_at timestamp not null,
    updated_at timestamp not null,
    version bigint not null default 0,
    constraint uq_round_number unique (program_id, round_number)
);

-- The participants as they were when the round started, with the profile facts the solver read.
create sequence round_participant_seq start with 1 increment by 50;
create table round_participant (
    id bigint primary key,
    round_id bigint not null references matching_round (id) on delete cascade,
    person_id bigint not null references person (id) on delete cascade,
    as_mentor boolean not null,
    mentor_capacity integer not null,
    as_mentee boolean not null,
    mentee_priority integer not null,
    as_circle_member boolean not null,
    profile_json varchar(8000) not null,
    constraint uq_round_participant unique (round_id, person_id)
);

create sequence round_pair_seq start with 1 increment by 50;
create table round_pair (
    id bigint primary key,
    round_id bigint not null references matching_round (id) on delete cascade,
    mentor_id bigint not null references person (id) on delete cascade,
    mentee_id bigint not null references person (id) on delete cascade,
    pinned boolean not null default false,
    forced boolean not null default false,
    pair_value bigint not null,
    explanation varchar(2000) not null,
    constraint uq_round_mentee unique (round_id, mentee_id)
);

-- Mentees the draft leaves unmatched, and why.
create sequence round_unmatched_seq start with 1 increment by 50;
create table round_unmatched (
    id bigint primary key,
    round_id bigint not null references matching_round (id) on delete cascade,
    mentee_id bigint not null references person (id) on delete cascade,
    reason varchar(1000) not null
);

-- Pairs a manager split up: the next solve of the round must not make them again.
create table round_excluded_pair (
    round_id bigint not null references matching_round (id) on delete cascade,
    mentor_id bigint not null references person (id) on delete cascade,
    mentee_id bigint not null references person (id) on delete cascade,
    primary key (round_id, mentor_id, mentee_id)
);

create sequence round_circle_seq start with 1 increment by 50;
create table round_circle (
    id bigint primary key,
    round_id bigint not null references matching_round (id) on delete cascade,
    meeting_index integer not null,
    circle_number integer not null,
    meeting_minute integer,
    meeting_utc_start varchar(16),
    meeting_note varchar(1000),
    explanation varchar(2000),
    constraint uq_round_circle unique (round_id, meeting_index, circle_number)
);

create table round_circle_member (
    circle_id bigint not null references round_circle (id) on delete cascade,
    person_id bigint not null references person (id) on delete cascade,
    pinned boolean not null default false,
    primary key (circle_id, person_id)
);
