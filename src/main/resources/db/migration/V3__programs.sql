-- Mentoring programmes, their rules and weights, and who is enrolled.

create sequence program_seq start with 1 increment by 50;
create table program (
    id bigint primary key,
    name varchar(120) not null,
    description varchar(2000),
    program_type varchar(16) not null,
    enrollment_opens date not null,
    enrollment_closes date not null,
    circle_rounds integer not null default 3,
    circle_cadence_weeks integer not null default 4,
    circle_start_date date,
    group_min integer not null default 4,
    group_max integer not null default 5,
    min_level_gap integer not null default 1,
    cross_department_required boolean not null default false,
    max_offset_diff_minutes integer not null default 1440,
    previous_partners varchar(24) not null default 'AVOID',
    avoid_rounds integer not null default 10,
    weight_goal_skill integer not null default 10,
    weight_cross_department integer not null default 15,
    weight_offset_per_30_min integer not null default 1,
    weight_level_gap_per_level integer not null default 5,
    weight_previous_pair integer not null default 40,
    weight_same_department integer not null default 10,
    weight_timezone_spread integer not null default 3,
    weight_group_without_senior integer not null default 20,
    senior_level integer not null default 5,
    created_by bigint references person (id) on delete set null,
    created_at timestamp not null,
    updated_at timestamp not null,
    version bigint not null default 0
);

create sequence enrollment_seq start with 1 increment by 50;
create table enrollment (
    id bigint primary key,
    program_id bigint not null references program (id) on delete cascade,
    person_id bigint not null references person (id) on delete cascade,
    as_mentor boolean not null default false,
    mentor_capacity integer not null default 1,
    as_mentee boolean not null default false,
    as_circle_member boolean not null default false,
    program_goals varchar(700),
    mentee_priority integer not null default 1,
    enrolled_at timestamp not null,
    constraint uq_enrollment unique (program_id, person_id)
);
create index ix_enrollment_person on enrollment (person_id);
