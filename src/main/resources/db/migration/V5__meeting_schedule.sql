-- Publishing schedules each circle's meeting: the date from the programme's cadence, the hour from the solve.
alter table round_circle add column meeting_at timestamp;
