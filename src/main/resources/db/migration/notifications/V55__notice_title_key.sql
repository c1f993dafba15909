-- Notices are stored as a message key plus arguments and rendered in each reader's language (inbox,
-- e-mail). The title column keeps the English rendering (webhooks, and notices stored before this).
ALTER TABLE notice ADD COLUMN title_key TEXT;
ALTER TABLE notice ADD COLUMN title_arguments JSONB NOT NULL DEFAULT '[]'::jsonb;
