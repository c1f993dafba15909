-- Bumped whenever an account's access changes (disabled, roles changed, password changed): a web session
-- started before the change no longer matches and is ended on its next request.
ALTER TABLE app_user ADD COLUMN security_version BIGINT NOT NULL DEFAULT 0;

-- Failed logins no longer lock accounts (an attacker could lock anyone out); they slow further attempts.
UPDATE app_user SET locked_until = NULL WHERE locked_until IS NOT NULL;
