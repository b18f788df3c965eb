-- Circles people can attend (issue 11): a pair with no weekly hour both marked free loses this much (MODEL.md: 20).
alter table program add column weight_no_common_free_hour integer not null default 20;
