-- The EU block list for ISPs (issue 15): entries, per-country versions and their changes, signing keys,
-- ISP subscriptions, syncs and confirmations, and review requests from site owners.

CREATE TABLE blocklist_entry
(
  id                 UUID PRIMARY KEY,
  reference_code     TEXT NOT NULL UNIQUE,          -- public: shown on the stop page, asked for on the review page
  source_item        TEXT,                          -- the takedown item it came from (opaque reference)
  url                TEXT NOT NULL,                 -- as proposed; never leaves the platform in clear (except RPZ hosts)
  expression         TEXT NOT NULL,                 -- canonical URL expression
  expression_hash    BYTEA NOT NULL,                -- SHA-256 of the expression
  host_key           INTEGER NOT NULL,              -- first 24 bits of the SHA-256 of its host
  whole_host         BOOLEAN NOT NULL,              -- the host is dedicated to the content: the expression is host/
  host               TEXT NOT NULL,
  category           TEXT NOT NULL,
  reason_code        TEXT NOT NULL,
  stop_text_en       TEXT NOT NULL,
  stop_text_fr       TEXT NOT NULL,
  stop_text_de       TEXT NOT NULL,
  status             TEXT NOT NULL,                 -- PROPOSED, PUBLISHED, REJECTED, EXPIRED, WITHDRAWN
  proposed_by        UUID NOT NULL,
  proposed_by_org    UUID NOT NULL REFERENCES organisation (id),
  proposed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_by         UUID,
  decided_at         TIMESTAMP WITH TIME ZONE,
  ended_at           TIMESTAMP WITH TIME ZONE,
  end_reason         TEXT,
  -- removal check (expiry)
  next_check_at      TIMESTAMP WITH TIME ZONE,
  checks_gone        INTEGER NOT NULL DEFAULT 0,
  last_checked_at    TIMESTAMP WITH TIME ZONE,
  last_seen_online   TIMESTAMP WITH TIME ZONE
);

-- at most one live entry per expression
CREATE UNIQUE INDEX blocklist_entry_live_expression ON blocklist_entry (expression)
  WHERE status IN ('PROPOSED', 'PUBLISHED');
CREATE INDEX blocklist_entry_due_check ON blocklist_entry (next_check_at) WHERE status = 'PUBLISHED';

-- the countries whose law makes the content illegal: only these get the entry
CREATE TABLE blocklist_entry_country
(
  entry_id   UUID NOT NULL REFERENCES blocklist_entry (id),
  country    CHAR(2) NOT NULL,
  PRIMARY KEY (entry_id, country)
);

-- the head of each country's list: versions are consecutive, taken under this row's lock
CREATE TABLE blocklist_country
(
  country     CHAR(2) PRIMARY KEY,
  version     BIGINT NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE blocklist_version
(
  country       CHAR(2) NOT NULL,
  version       BIGINT NOT NULL,
  published_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (country, version)
);

-- what each version added (+) or removed (-): deltas are read from here
CREATE TABLE blocklist_change
(
  country          CHAR(2) NOT NULL,
  version          BIGINT NOT NULL,
  entry_id         UUID NOT NULL REFERENCES blocklist_entry (id),
  added            BOOLEAN NOT NULL,
  PRIMARY KEY (country, version, entry_id)
);

-- the current members of each country's list
CREATE TABLE blocklist_member
(
  country          CHAR(2) NOT NULL,
  entry_id         UUID NOT NULL REFERENCES blocklist_entry (id),
  added_in         BIGINT NOT NULL,
  PRIMARY KEY (country, entry_id)
);

-- public halves of the signing keys (the private halves are files under DATA_DIR/blocklist/keys)
CREATE TABLE blocklist_signing_key
(
  id           TEXT PRIMARY KEY,
  public_key   BYTEA NOT NULL,
  valid_from   TIMESTAMP WITH TIME ZONE NOT NULL,
  valid_until  TIMESTAMP WITH TIME ZONE,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- which ISP receives which country's list, and whether its agreement allows the clear-text RPZ zone
CREATE TABLE blocklist_subscription
(
  organisation_id  UUID NOT NULL REFERENCES organisation (id),
  country          CHAR(2) NOT NULL,
  rpz_allowed      BOOLEAN NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (organisation_id, country)
);

-- every sync request of an ISP
CREATE TABLE blocklist_sync
(
  id               BIGSERIAL PRIMARY KEY,
  organisation_id  UUID NOT NULL REFERENCES organisation (id),
  country          CHAR(2) NOT NULL,
  kind             TEXT NOT NULL,                  -- full, delta, rpz, full-required
  since_version    BIGINT,
  served_version   BIGINT NOT NULL,
  at               TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX blocklist_sync_by_isp ON blocklist_sync (organisation_id, country, at);

-- the version each ISP confirmed it applies
CREATE TABLE blocklist_applied
(
  organisation_id  UUID NOT NULL REFERENCES organisation (id),
  country          CHAR(2) NOT NULL,
  version          BIGINT NOT NULL,
  confirmed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (organisation_id, country)
);

-- a site owner's request for review, reached from the stop page with the reference code
CREATE TABLE blocklist_review
(
  id              UUID PRIMARY KEY,
  entry_id        UUID NOT NULL REFERENCES blocklist_entry (id),
  contact         TEXT NOT NULL,
  message         TEXT NOT NULL,
  received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  answer_due      TIMESTAMP WITH TIME ZONE NOT NULL,
  answered_at     TIMESTAMP WITH TIME ZONE,
  answered_by     UUID,
  outcome         TEXT,                            -- UPHELD, WITHDRAWN
  answer          TEXT
);
CREATE INDEX blocklist_review_open ON blocklist_review (answer_due) WHERE answered_at IS NULL;
