-- Notices to organisations (in-app inbox); e-mail and webhook delivery read them from here.
CREATE TABLE notice
(
  id              UUID PRIMARY KEY,
  recipient_org   UUID NOT NULL REFERENCES organisation (id),
  recipient_user  UUID REFERENCES app_user (id) ON DELETE SET NULL,
  topic           TEXT NOT NULL,
  title           TEXT NOT NULL,
  link            TEXT NOT NULL,
  urgent          BOOLEAN NOT NULL DEFAULT FALSE,
  data            JSONB NOT NULL DEFAULT '{}'::jsonb,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX notice_inbox ON notice (recipient_org, created_at DESC);
