-- Notifications: read state per person, e-mail settings and log, signed webhooks with their delivery queue and log.

-- A notice is read per person: one colleague reading an organisation-wide notice does not read it for the others.
CREATE TABLE notice_read
(
  notice_id  UUID NOT NULL REFERENCES notice (id) ON DELETE CASCADE,
  user_id    UUID NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  read_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (notice_id, user_id)
);
CREATE INDEX notice_person ON notice (recipient_user) WHERE recipient_user IS NOT NULL;

-- Where an organisation's notices are e-mailed (e.g. the desk's shared mailbox), and which topics
-- (NULL: all; urgent notices are always mailed).
CREATE TABLE notification_settings
(
  organisation_id  UUID PRIMARY KEY REFERENCES organisation (id),
  mail_addresses   TEXT[] NOT NULL DEFAULT '{}',
  mail_topics      TEXT[],
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by       UUID REFERENCES app_user (id) ON DELETE SET NULL
);

-- Every e-mail sent (or that failed) for a notice.
CREATE TABLE mail_delivery
(
  id               UUID PRIMARY KEY,
  notice_id        UUID NOT NULL REFERENCES notice (id) ON DELETE CASCADE,
  organisation_id  UUID NOT NULL REFERENCES organisation (id),
  recipient        TEXT NOT NULL,
  succeeded        BOOLEAN NOT NULL,
  error            TEXT,
  attempted_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX mail_delivery_org ON mail_delivery (organisation_id, attempted_at DESC);

-- An organisation's webhook endpoint. The secret signs deliveries (HMAC-SHA256), so it must be usable and is
-- stored as issued (like the signing secrets of other webhook senders); it is shown to the admin only once.
CREATE TABLE webhook_endpoint
(
  id                 UUID PRIMARY KEY,
  organisation_id    UUID NOT NULL REFERENCES organisation (id),
  url                TEXT NOT NULL,
  topics             TEXT[] NOT NULL DEFAULT '{}',
  active             BOOLEAN NOT NULL DEFAULT TRUE,
  secret             TEXT NOT NULL,
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by         UUID REFERENCES app_user (id) ON DELETE SET NULL,
  secret_rotated_at  TIMESTAMP WITH TIME ZONE,
  deleted_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX webhook_endpoint_org ON webhook_endpoint (organisation_id) WHERE deleted_at IS NULL;

-- One notice to one endpoint: queued, attempted by the worker until it succeeds or gives up.
CREATE TABLE webhook_delivery
(
  id               UUID PRIMARY KEY,
  endpoint_id      UUID NOT NULL REFERENCES webhook_endpoint (id),
  notice_id        UUID NOT NULL REFERENCES notice (id),
  topic            TEXT NOT NULL,
  payload          TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
  attempts         INT NOT NULL DEFAULT 0,
  next_attempt_at  TIMESTAMP WITH TIME ZONE,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  completed_at     TIMESTAMP WITH TIME ZONE,
  UNIQUE (endpoint_id, notice_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_endpoint ON webhook_delivery (endpoint_id, created_at DESC);

-- Every attempt of a delivery: what the receiver answered, how long it took, when the next one is due.
CREATE TABLE webhook_attempt
(
  id               BIGSERIAL PRIMARY KEY,
  delivery_id      UUID NOT NULL REFERENCES webhook_delivery (id),
  attempted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  status_code      INT,
  error            TEXT,
  duration_ms      BIGINT NOT NULL,
  succeeded        BOOLEAN NOT NULL,
  next_attempt_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, id);
