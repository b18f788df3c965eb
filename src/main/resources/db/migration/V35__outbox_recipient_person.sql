-- Outbox mail belongs to the account it was queued for, not to an address (notifications.Outbox): an address
-- changes (the person, an admin, the HR import) or passes to a later account, so deactivating or deleting someone
-- cancels and erases their mail by this id. Null for an address with no account.
-- Rows queued before this migration get the account that holds their address now (addresses are stored lower-cased
-- and unique), so one rule covers old and new rows; a row whose address no account holds keeps null and is
-- nobody's, as it would be matched to whoever takes that address later.
-- Portable SQL: runs on H2 (tests) and PostgreSQL (production).
alter table outbox_message add column recipient_person_id bigint;
update outbox_message set recipient_person_id =
    (select p.id from person p where p.email = lower(outbox_message.recipient));
-- a deleted account's sent mail is pseudonymised first (PersonDeleted) and then belongs to nobody
alter table outbox_message add constraint fk_outbox_recipient_person foreign key (recipient_person_id)
    references person (id) on delete set null;
create index ix_outbox_recipient_person on outbox_message (recipient_person_id);
