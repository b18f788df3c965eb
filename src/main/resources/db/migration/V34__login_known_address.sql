-- Where each account last signed in successfully (security.LoginThrottle): an account is not held up by other
-- people's failures at an address it signed in from recently, e.g. an office behind one NAT address. Rows older
-- than bridgeway.login.known-address-for are purged with the failures; a deleted account's rows go with it.
create table login_known_address (
    account_key varchar(400) not null,
    client_address varchar(400) not null,
    last_success timestamp not null
);
create index ix_login_known_address on login_known_address (account_key, client_address);
create index ix_login_known_address_time on login_known_address (last_success);
