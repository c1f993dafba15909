-- Optional second factor (TOTP, RFC 6238). The secret is stored encrypted (AES-GCM with a key kept outside the
-- database, the account's id as associated data) and never shown again after enrolment. A secret waiting for
-- its first code (enrolment not yet confirmed) is kept apart until confirmed. totp_last_step is the last time
-- step whose code was accepted: no code of that step or an earlier one is accepted again.
ALTER TABLE app_user
    ADD COLUMN totp_secret BYTEA,
    ADD COLUMN totp_enabled_at TIMESTAMPTZ,
    ADD COLUMN totp_pending_secret BYTEA,
    ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT -1;
