-- Notices (Digital Services Act Art. 16) and removal orders (Regulation (EU) 2021/784, Annex I) to hosts,
-- delivered on the platform (the host organisation's inbox, webhooks) or by e-mail (an outbox with leases),
-- the host's answers, deadlines and their one escalation.
CREATE SEQUENCE takedown_notice_seq;

CREATE TABLE takedown_notice
(
  id                 UUID PRIMARY KEY,
  reference          TEXT NOT NULL UNIQUE,
  item_id            UUID NOT NULL REFERENCES content_item (id) ON DELETE CASCADE,
  kind               TEXT NOT NULL CHECK (kind IN ('NOTICE', 'REMOVAL_ORDER')),
  sender_org         UUID NOT NULL REFERENCES organisation (id),
  sent_by            UUID NOT NULL,
  host_org           UUID REFERENCES organisation (id),
  host_email         TEXT,
  delivery           TEXT NOT NULL CHECK (delivery IN ('PLATFORM', 'EMAIL')),
  language           TEXT NOT NULL,
  category           TEXT NOT NULL,
  fields             JSONB NOT NULL,
  subject            TEXT NOT NULL,
  body               TEXT NOT NULL,
  xarf               JSONB NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('SENT', 'ACKNOWLEDGED', 'REMOVED', 'REFUSED')),
  sent_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  deadline_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  received_at        TIMESTAMP WITH TIME ZONE,
  acknowledged_at    TIMESTAMP WITH TIME ZONE,
  removed_at         TIMESTAMP WITH TIME ZONE,
  refused_at         TIMESTAMP WITH TIME ZONE,
  refusal_reason     TEXT,
  counter_notice_at  TIMESTAMP WITH TIME ZONE,
  counter_notice     TEXT,
  escalated_at       TIMESTAMP WITH TIME ZONE,
  -- e-mail delivery: PENDING until sent; a worker claims due rows with a lease (next_attempt_at)
  mail_status        TEXT CHECK (mail_status IN ('PENDING', 'SENT', 'FAILED', 'UNDELIVERABLE')),
  mail_attempts      INTEGER NOT NULL DEFAULT 0,
  mail_next_attempt  TIMESTAMP WITH TIME ZONE,
  mail_error         TEXT
);
CREATE INDEX takedown_notice_by_item ON takedown_notice (item_id, sent_at);
CREATE INDEX takedown_notice_by_host ON takedown_notice (host_org, sent_at DESC);
CREATE INDEX takedown_notice_by_sender ON takedown_notice (sender_org, sent_at DESC);
CREATE INDEX takedown_notice_due ON takedown_notice (deadline_at) WHERE escalated_at IS NULL AND removed_at IS NULL
  AND status IN ('SENT', 'ACKNOWLEDGED');
CREATE INDEX takedown_notice_mail ON takedown_notice (mail_next_attempt) WHERE mail_status = 'PENDING';
