-- The organisation's departments and offices; admins manage them later (roadmap [6/8]).
insert into department (id, name) values
 (1, 'Engineering'), (2, 'Product'), (3, 'Design'), (4, 'Data Science'), (5, 'Sales'), (6, 'Marketing'),
 (7, 'Customer Success'), (8, 'Finance'), (9, 'Legal'), (10, 'People'), (11, 'Operations'), (12, 'Security');
insert into office (id, name, time_zone) values
 (1, 'San Francisco', 'America/Los_Angeles'), (2, 'New York', 'America/New_York'),
 (3, 'Sao Paulo', 'America/Sao_Paulo'), (4, 'London', 'Europe/London'), (5, 'Berlin', 'Europe/Berlin'),
 (6, 'Bangalore', 'Asia/Kolkata'), (7, 'Singapore', 'Asia/Singapore'), (8, 'Sydney', 'Australia/Sydney');
-- Sequences continue after the seeded ids (allocation size 50).
alter sequence department_seq restart with 101;
alter sequence office_seq restart with 101;
