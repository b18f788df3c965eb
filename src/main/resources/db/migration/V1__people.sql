-- People, their organisation and their self-filled profile.
-- Portable SQL: runs on H2 (default, tests) and PostgreSQL (production).

create sequence department_seq start with 1 increment by 50;
create table department (
    id bigint primary key,
    name varchar(100) not null,
    constraint uq_department_name unique (name)
);

create sequence office_seq start with 1 increment by 50;
create table office (
    id bigint primary key,
    name varchar(100) not null,
    time_zone varchar(64) not null,
    constraint uq_office_name unique (name)
);

create sequence person_seq start with 1 increment by 50;
create table person (
    id bigint primary key,
    email varchar(254) not null,
    full_name varchar(120) not null,
    password_hash varchar(100),
    active boolean not null default true,
    department_id bigint references department (id),
    job_title varchar(120),
    job_level integer,
    manager_id bigint references person (id) on delete set null,
    office_id bigint references office (id),
    time_zone varchar(64),
    bio varchar(1000),
    wants_to_mentor boolean not null default false,
    mentor_capacity integer not null default 1,
    wants_mentor boolean not null default false,
    wants_circle boolean not null default false,
    demo boolean not null default false,
    created_at timestamp not null,
    updated_at timestamp not null,
    version bigint not null default 0,
    constraint uq_person_email unique (email)
);
create index ix_person_manager on person (manager_id);
create index ix_person_department on person (department_id);

create table person_role (
    person_id bigint not null references person (id) on delete cascade,
    role_name varchar(32) not null,
    primary key (person_id, role_name)
);

create table person_language (
    person_id bigint not null references person (id) on delete cascade,
    language_code varchar(8) not null,
    primary key (person_id, language_code)
);

create table person_skill (
    person_id bigint not null references person (id) on delete cascade,
    skill varchar(60) not null,
    proficiency integer not null,
    primary key (person_id, skill)
);

create table person_goal (
    person_id bigint not null references person (id) on delete cascade,
    skill varchar(60) not null,
    primary key (person_id, skill)
);

create table person_availability (
    person_id bigint not null references person (id) on delete cascade,
    slot varchar(6) not null,
    primary key (person_id, slot)
);
