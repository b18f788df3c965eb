-- Feedback that shapes the next round (issue 12): how long a 1:1 round runs (its survey is due halfway),
-- and one survey per participant after each circle meeting and halfway through each published pair.
alter table program add column round_length_weeks integer not null default 12;

create sequence survey_seq start with 1 increment by 50;
create table survey (
    id bigint primary key,
    round_id bigint not null references matching_round (id) on delete cascade,
    person_id bigint not null references person (id) on delete cascade,
    -- about a pair: the partner; about a circle meeting: the circle (one of the two is set)
    partner_id bigint references person (id) on delete cascade,
    circle_id bigint references round_circle (id) on delete cascade,
    due_at timestamp not null,
    met boolean,
    rating integer,
    answer_comment varchar(2000),
    would_continue boolean,
    answered_at timestamp,
    reminded_at timestamp,
    created_at timestamp not null,
    version bigint not null default 0
);
create index ix_survey_person on survey (person_id);
create index ix_survey_round on survey (round_id);
create index ix_survey_due on survey (due_at);
