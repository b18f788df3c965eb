-- Nobody waits forever (issue 9): the waiting policy of a programme, and what each round knew about waiting.

-- On by default: +1 priority for every published round a mentee was eligible and left unmatched, at most +3.
alter table program add column waiting_policy boolean not null default true;
alter table program add column waiting_increment integer not null default 1;
alter table program add column waiting_cap integer not null default 3;

-- Rounds the mentee had waited when this round started; whether they had an allowed mentor in it (null until solved).
alter table round_participant add column rounds_waited integer not null default 0;
alter table round_participant add column had_allowed_mentor boolean;

-- What would help an unmatched mentee ("no mentor with the goal negotiation has a free place: ...").
alter table round_unmatched add column help varchar(1000);
