-- The language a person last used on the platform (ISO 639-1), for the e-mails sent to them; and the
-- language of the e-mails to an organisation's shared addresses.
ALTER TABLE app_user ADD COLUMN language TEXT;
ALTER TABLE notification_settings ADD COLUMN mail_language TEXT NOT NULL DEFAULT 'en';
