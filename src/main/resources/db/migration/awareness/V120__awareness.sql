-- Public awareness advisories (issue 19). An advisory has a working version per language, edited by its
-- authors, and a public edition per language: the one a second person approved last. Public pages, feeds,
-- CAP and e-mails read only the public edition.
CREATE SEQUENCE advisory_reference_seq;

CREATE TABLE advisory
(
  id                 UUID PRIMARY KEY,
  reference          TEXT NOT NULL UNIQUE,
  offence            TEXT NOT NULL,
  countries          TEXT[] NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'UPDATED', 'WITHDRAWN')),
  expires_at         TIMESTAMP WITH TIME ZONE,
  author_user        UUID NOT NULL,
  author_org         UUID NOT NULL,
  last_editor        UUID NOT NULL,
  submitted_by       UUID,
  approved_by        UUID,
  suggestion_id      UUID,
  -- the public edition: its revision (0: never published), its offence, countries and expiry
  revision           INT NOT NULL DEFAULT 0,
  public_offence     TEXT,
  public_countries   TEXT[],
  public_expires_at  TIMESTAMP WITH TIME ZONE,
  published_at       TIMESTAMP WITH TIME ZONE,
  public_updated_at  TIMESTAMP WITH TIME ZONE,
  withdrawn_at       TIMESTAMP WITH TIME ZONE,
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  changed_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX advisory_public ON advisory (public_updated_at DESC) WHERE revision > 0;

-- One text per advisory, language and edition (WORKING: the authors' version; PUBLIC: the approved one).
CREATE TABLE advisory_text
(
  advisory_id  UUID NOT NULL REFERENCES advisory (id) ON DELETE CASCADE,
  edition      TEXT NOT NULL CHECK (edition IN ('WORKING', 'PUBLIC')),
  language     TEXT NOT NULL,
  title        TEXT NOT NULL,
  summary      TEXT NOT NULL,
  happening    TEXT NOT NULL,
  recognise    TEXT NOT NULL,
  advice       TEXT NOT NULL,
  report_how   TEXT NOT NULL,
  PRIMARY KEY (advisory_id, edition, language)
);

-- Every CAP message sent for an advisory: Alert (first publication), Update, Cancel (withdrawal). A later
-- message references all earlier ones.
CREATE TABLE advisory_message
(
  advisory_id  UUID NOT NULL REFERENCES advisory (id) ON DELETE CASCADE,
  revision     INT NOT NULL,
  msg_type     TEXT NOT NULL CHECK (msg_type IN ('ALERT', 'UPDATE', 'CANCEL')),
  sent_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (advisory_id, revision)
);

-- Draft suggestions from the data: aggregate, non-personal facts only.
CREATE TABLE advisory_suggestion
(
  id              UUID PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('CROSS_BORDER_CLUSTER', 'OFFENCE_SURGE')),
  signal_key      TEXT NOT NULL UNIQUE,
  offence         TEXT,
  countries       TEXT[] NOT NULL,
  report_count    INT NOT NULL,
  baseline        DOUBLE PRECISION,
  first_seen      TIMESTAMP WITH TIME ZONE NOT NULL,
  clear_indicators TEXT[] NOT NULL DEFAULT '{}',
  status          TEXT NOT NULL CHECK (status IN ('OPEN', 'USED', 'DISMISSED')),
  advisory_id     UUID REFERENCES advisory (id),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  refreshed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX advisory_suggestion_open ON advisory_suggestion (refreshed_at DESC) WHERE status = 'OPEN';

-- E-mail subscriptions: double opt-in (the confirmation token is stored only as its SHA-256), one-click
-- unsubscribe with a token of its own. country NULL: every country.
CREATE TABLE advisory_subscription
(
  id                 UUID PRIMARY KEY,
  email              TEXT NOT NULL,
  language           TEXT NOT NULL,
  country            CHAR(2),
  status             TEXT NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'UNSUBSCRIBED')),
  confirm_hash       TEXT UNIQUE,
  unsubscribe_token  TEXT NOT NULL UNIQUE,
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  confirmed_at       TIMESTAMP WITH TIME ZONE,
  unsubscribed_at    TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX advisory_subscription_one ON advisory_subscription (lower(email), language, COALESCE(country, '--'))
  WHERE status <> 'UNSUBSCRIBED';
CREATE INDEX advisory_subscription_audience ON advisory_subscription (language, country) WHERE status = 'CONFIRMED';

-- The outbox of subscription e-mails: a confirmation request, or an advisory's revision. Claimed in batches
-- with a lease (FOR UPDATE SKIP LOCKED), so a crash mid-send only delays a message.
CREATE TABLE advisory_mail
(
  id               UUID PRIMARY KEY,
  subscription_id  UUID NOT NULL REFERENCES advisory_subscription (id) ON DELETE CASCADE,
  kind             TEXT NOT NULL CHECK (kind IN ('CONFIRM', 'ADVISORY')),
  confirm_token    TEXT,
  advisory_id      UUID REFERENCES advisory (id) ON DELETE CASCADE,
  revision         INT,
  attempts         INT NOT NULL DEFAULT 0,
  next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  sent_at          TIMESTAMP WITH TIME ZONE,
  failed_at        TIMESTAMP WITH TIME ZONE,
  last_error       TEXT,
  CONSTRAINT advisory_mail_once UNIQUE (subscription_id, advisory_id, revision)
);
CREATE INDEX advisory_mail_due ON advisory_mail (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
