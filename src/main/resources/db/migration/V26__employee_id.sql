-- HR import: the HR system's employee id. Null for people who signed up themselves; unique otherwise
-- (a unique constraint allows several nulls on H2 and PostgreSQL).
alter table person add column employee_id varchar(64);
alter table person add constraint uq_person_employee_id unique (employee_id);
