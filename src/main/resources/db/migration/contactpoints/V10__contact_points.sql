-- The 24/7 contact-point network: the directory of contact points and the urgent requests between them.

-- One entry per organisation that receives urgent requests, kept current by that organisation's admin.
CREATE TABLE contact_point
(
  organisation_id     UUID PRIMARY KEY REFERENCES organisation (id),
  description         TEXT NOT NULL DEFAULT '',
  capabilities        TEXT NOT NULL DEFAULT '',      -- comma-separated Capability names
  languages           TEXT NOT NULL DEFAULT '',      -- comma-separated ISO 639-1 codes
  always_open         BOOLEAN NOT NULL,              -- 24/7, or office hours below
  office_opens        TIME,
  office_closes       TIME,
  time_zone           TEXT NOT NULL,
  phone               TEXT,
  email               TEXT,
  platform_channel    BOOLEAN NOT NULL DEFAULT TRUE, -- takes requests through the platform
  backup_name         TEXT,
  backup_phone        TEXT,
  backup_email        TEXT,
  backup_user         UUID REFERENCES app_user (id) ON DELETE SET NULL,
  updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by          UUID
);

CREATE SEQUENCE urgent_request_number;

CREATE TABLE urgent_request
(
  id                    UUID PRIMARY KEY,
  reference             TEXT NOT NULL UNIQUE,
  kind                  TEXT NOT NULL,
  urgent                BOOLEAN NOT NULL,
  status                TEXT NOT NULL,
  requester_org         UUID NOT NULL REFERENCES organisation (id),
  requester_user        UUID NOT NULL,
  recipient_org         UUID NOT NULL REFERENCES organisation (id),
  requesting_authority  TEXT NOT NULL,
  offence               TEXT NOT NULL,
  facts                 TEXT NOT NULL,
  data_sought           TEXT NOT NULL,
  relation_to_offence   TEXT,
  custodian             TEXT,
  necessity             TEXT,
  mla_follow_up         BOOLEAN,
  threat_to_life        TEXT,
  related_request       UUID REFERENCES urgent_request (id),
  sent_at               TIMESTAMP WITH TIME ZONE NOT NULL,
  acknowledge_due       TIMESTAMP WITH TIME ZONE NOT NULL,
  fulfil_due            TIMESTAMP WITH TIME ZONE NOT NULL,
  acknowledged_at       TIMESTAMP WITH TIME ZONE,
  acknowledged_by       UUID,
  started_at            TIMESTAMP WITH TIME ZONE,
  closed_at             TIMESTAMP WITH TIME ZONE,
  closed_by             UUID,
  outcome_note          TEXT,
  refusal_reason        TEXT,
  preserved_until       TIMESTAMP WITH TIME ZONE,
  extensions            INTEGER NOT NULL DEFAULT 0,
  reminded_for          TIMESTAMP WITH TIME ZONE,      -- the preserved_until a reminder was sent for
  escalated_at          TIMESTAMP WITH TIME ZONE,
  escalated_to          TEXT,                          -- who was told, for display
  version               INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX urgent_request_by_requester ON urgent_request (requester_org, sent_at DESC);
CREATE INDEX urgent_request_by_recipient ON urgent_request (recipient_org, sent_at DESC);
CREATE INDEX urgent_request_awaiting_acknowledgement ON urgent_request (acknowledge_due) WHERE status = 'SENT' AND escalated_at IS NULL;
CREATE INDEX urgent_request_preserved ON urgent_request (preserved_until) WHERE preserved_until IS NOT NULL;

-- The structured identifiers a request concerns, validated and in canonical form.
CREATE TABLE urgent_request_identifier
(
  request_id   UUID NOT NULL REFERENCES urgent_request (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  type         TEXT NOT NULL,
  value        TEXT NOT NULL,
  service      TEXT,
  observed_at  TIMESTAMP WITH TIME ZONE,
  time_zone    TEXT,
  PRIMARY KEY (request_id, position)
);

CREATE TABLE request_message
(
  id           UUID PRIMARY KEY,
  request_id   UUID NOT NULL REFERENCES urgent_request (id) ON DELETE CASCADE,
  author_org   UUID NOT NULL REFERENCES organisation (id),
  author_user  UUID NOT NULL,
  author_name  TEXT NOT NULL,
  tlp          TEXT NOT NULL,
  body         TEXT NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX request_message_by_request ON request_message (request_id, created_at);

-- Files live in DATA_DIR/requests/REQUEST/ATTACHMENT, outside the web root.
CREATE TABLE request_attachment
(
  id            UUID PRIMARY KEY,
  message_id    UUID NOT NULL REFERENCES request_message (id) ON DELETE CASCADE,
  request_id    UUID NOT NULL REFERENCES urgent_request (id) ON DELETE CASCADE,
  file_name     TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  size_bytes    BIGINT NOT NULL,
  sha256        TEXT NOT NULL
);
CREATE INDEX request_attachment_by_message ON request_attachment (message_id);
