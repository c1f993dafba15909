-- Bumped whenever an account's access changes (disabled, roles changed, password changed): a web session
-- started before the change no longer matches and is ended on its next request.
ALTER TABLE app_user ADD COLUMN security_version BIGINT NOT NULL DEFAULT 0;
