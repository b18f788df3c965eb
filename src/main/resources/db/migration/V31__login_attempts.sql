-- The throttle now counts a sign-in attempt before its password is checked (security.LoginThrottle.admit), so
-- parallel guesses cannot all pass one check. An attempt's rows carry its id, so a correct password removes
-- them again, and the client address, so a success clears that address's earlier failures for the account
-- and nobody else's (a guesser's count survives the owner's sign-ins).
alter table login_failure add column attempt varchar(36);
alter table login_failure add column client_address varchar(400);
create index ix_login_failure_attempt on login_failure (attempt);
