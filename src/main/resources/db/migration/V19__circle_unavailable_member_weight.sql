-- Circles people can attend (issue 11): each member who cannot make their circle's hour costs this much (MODEL.md: 40).
alter table program add column weight_unavailable_member integer not null default 40;
