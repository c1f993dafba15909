-- Reports of cyber crime from the public and from organisations, routed to the competent unit.
CREATE TABLE report
(
  id                 UUID PRIMARY KEY,
  reference          TEXT NOT NULL,
  status_token_hash  TEXT,
  channel            TEXT NOT NULL CHECK (channel IN ('PUBLIC_WEB', 'PUBLIC_API', 'ORGANISATION', 'BULK')),
  submitted_by_org   UUID REFERENCES organisation (id),
  submitted_by_user  UUID,
  org_reference      TEXT,
  idempotency_key    TEXT,
  kind               TEXT NOT NULL,
  offence            TEXT NOT NULL,
  residence_country  CHAR(2),
  victim_countries   TEXT[] NOT NULL DEFAULT '{}',
  occurred_at        TIMESTAMP WITH TIME ZONE,
  occurred_time_zone TEXT,
  loss_amount        NUMERIC(18, 2),
  loss_currency      CHAR(3),
  payment_method     TEXT,
  description        TEXT NOT NULL,
  details            JSONB NOT NULL DEFAULT '{}',
  report_language    TEXT,
  consent_contact    BOOLEAN NOT NULL DEFAULT FALSE,
  consent_share      BOOLEAN NOT NULL DEFAULT FALSE,
  owner_org          UUID NOT NULL REFERENCES organisation (id),
  routed_by          TEXT NOT NULL,
  tlp                TEXT NOT NULL DEFAULT 'AMBER',
  status             TEXT NOT NULL,
  status_reason      TEXT,
  assignee           UUID REFERENCES app_user (id),
  duplicate_of       UUID REFERENCES report (id),
  content_hash       TEXT NOT NULL,
  submitted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  closed_at          TIMESTAMP WITH TIME ZONE,
  contact_erased_at  TIMESTAMP WITH TIME ZONE,
  search             TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', description)) STORED,
  CONSTRAINT report_reference_unique UNIQUE (reference)
);
CREATE INDEX report_inbox ON report (owner_org, status, submitted_at DESC);
CREATE INDEX report_by_submitter ON report (submitted_by_org, submitted_at DESC);
CREATE INDEX report_duplicates ON report (content_hash, submitted_at);
CREATE INDEX report_search ON report USING gin (search);
CREATE UNIQUE INDEX report_idempotency ON report (submitted_by_org, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE UNIQUE INDEX report_org_reference ON report (submitted_by_org, org_reference) WHERE org_reference IS NOT NULL;

-- The reporter's contact details are personal data: kept apart, seen only by the owning unit, erased
-- after the retention period following closure.
CREATE TABLE report_contact
(
  report_id  UUID PRIMARY KEY REFERENCES report (id) ON DELETE CASCADE,
  name       TEXT,
  email      TEXT,
  phone      TEXT,
  language   TEXT
);

CREATE TABLE report_attachment
(
  id            UUID PRIMARY KEY,
  report_id     UUID NOT NULL REFERENCES report (id) ON DELETE CASCADE,
  file_name     TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  size_bytes    BIGINT NOT NULL,
  sha256        TEXT NOT NULL,
  added_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  by_reporter   BOOLEAN NOT NULL
);
CREATE INDEX report_attachment_by_report ON report_attachment (report_id);

-- What happened to a report, in order: information the reporter added, status changes, assignments.
CREATE TABLE report_event
(
  id               BIGSERIAL PRIMARY KEY,
  report_id        UUID NOT NULL REFERENCES report (id) ON DELETE CASCADE,
  at               TIMESTAMP WITH TIME ZONE NOT NULL,
  type             TEXT NOT NULL,
  status           TEXT,
  text             TEXT,
  by_user          UUID,
  visible_to_reporter BOOLEAN NOT NULL
);
CREATE INDEX report_event_by_report ON report_event (report_id, at);

CREATE TABLE report_import_job
(
  id               UUID PRIMARY KEY,
  organisation_id  UUID NOT NULL REFERENCES organisation (id),
  user_id          UUID,
  format           TEXT NOT NULL,
  file_name        TEXT,
  state            TEXT NOT NULL,
  rows_done        BIGINT NOT NULL DEFAULT 0,
  accepted         BIGINT NOT NULL DEFAULT 0,
  rejected         BIGINT NOT NULL DEFAULT 0,
  failure          TEXT,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at      TIMESTAMP WITH TIME ZONE
);
CREATE TABLE report_import_rejection
(
  job_id  UUID NOT NULL REFERENCES report_import_job (id) ON DELETE CASCADE,
  line    BIGINT NOT NULL,
  reason  TEXT NOT NULL,
  PRIMARY KEY (job_id, line)
);
