-- Illegal content (takedown module): content reports from organisations, one item per web address (matched
-- on the indicators module's URL match key), the organisations taking part in an item, its timeline,
-- its media hashes, hotline assessments with four-eyes confirmation, and the legality matrix.
-- The platform never stores the content itself: only addresses, hashes and what people recorded.

CREATE TABLE content_report
(
  id                 UUID PRIMARY KEY,
  organisation_id    UUID NOT NULL REFERENCES organisation (id),
  submitted_by       UUID NOT NULL,
  org_reference      TEXT,
  idempotency_key    TEXT,
  category           TEXT NOT NULL,
  description        TEXT,
  tlp                TEXT NOT NULL,
  channel            TEXT NOT NULL CHECK (channel IN ('API', 'BULK')),
  submitted_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX content_report_idempotency ON content_report (organisation_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
CREATE UNIQUE INDEX content_report_org_reference ON content_report (organisation_id, org_reference)
  WHERE org_reference IS NOT NULL;

CREATE TABLE content_item
(
  id                    UUID PRIMARY KEY,
  url                   TEXT NOT NULL,
  url_key               TEXT NOT NULL,
  host                  TEXT NOT NULL,
  reported_category     TEXT NOT NULL,
  tlp                   TEXT NOT NULL,
  status                TEXT NOT NULL,
  handler_org           UUID NOT NULL REFERENCES organisation (id),
  handled_since         TIMESTAMP WITH TIME ZONE NOT NULL,
  -- the current assessment (of the handling organisation), copied here for listings and statistics
  category              TEXT,
  -- where it is hosted: recorded by an analyst or looked up (hosting_source), kept on the item
  hosting_country       CHAR(2),
  host_provider         TEXT,
  host_org              UUID REFERENCES organisation (id),
  host_email            TEXT,
  host_language         TEXT,
  hosting_asn           BIGINT,
  hosting_network       TEXT,
  hosting_addresses     TEXT[],
  behind_cdn            BOOLEAN,
  hosting_source        TEXT CHECK (hosting_source IN ('ANALYST', 'LOOKUP')),
  hosting_recorded_at   TIMESTAMP WITH TIME ZONE,
  -- timestamps for the time to removal
  reported_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  assessed_at           TIMESTAMP WITH TIME ZONE,
  forwarded_at          TIMESTAMP WITH TIME ZONE,
  notice_sent_at        TIMESTAMP WITH TIME ZONE,
  acknowledged_at       TIMESTAMP WITH TIME ZONE,
  removed_at            TIMESTAMP WITH TIME ZONE,
  removal_seen_at       TIMESTAMP WITH TIME ZONE,
  block_list_candidate  BOOLEAN NOT NULL DEFAULT FALSE,
  updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT content_item_url_key_unique UNIQUE (url_key)
);
CREATE INDEX content_item_by_handler ON content_item (handler_org, status, reported_at DESC);
CREATE INDEX content_item_removed ON content_item (removed_at) WHERE removed_at IS NOT NULL;

-- Who takes part in an item: the handling hotline, the organisations that reported it, the hotline it was
-- forwarded to, the host. A party sees the item; only handlers and forward recipients assess it.
CREATE TABLE content_item_party
(
  item_id          UUID NOT NULL REFERENCES content_item (id) ON DELETE CASCADE,
  organisation_id  UUID NOT NULL REFERENCES organisation (id),
  party            TEXT NOT NULL CHECK (party IN ('HANDLER', 'REPORTER', 'FORWARDED', 'HOST')),
  since            TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (item_id, organisation_id, party)
);
CREATE INDEX content_item_party_by_org ON content_item_party (organisation_id, item_id);

-- Every report that named the item (a public or organisational report of the reporting module, or a content
-- report): a repeated intake of the same source is a no-op.
CREATE TABLE content_item_source
(
  item_id          UUID NOT NULL REFERENCES content_item (id) ON DELETE CASCADE,
  source_kind      TEXT NOT NULL CHECK (source_kind IN ('REPORT', 'CONTENT_REPORT')),
  source_id        UUID NOT NULL,
  source_reference TEXT,
  organisation_id  UUID REFERENCES organisation (id),
  url_as_given     TEXT NOT NULL,
  reported_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (item_id, source_kind, source_id)
);
CREATE INDEX content_item_source_by_source ON content_item_source (source_kind, source_id);

CREATE TABLE content_item_event
(
  id               BIGSERIAL PRIMARY KEY,
  item_id          UUID NOT NULL REFERENCES content_item (id) ON DELETE CASCADE,
  at               TIMESTAMP WITH TIME ZONE NOT NULL,
  organisation_id  UUID REFERENCES organisation (id),
  actor            UUID,
  kind             TEXT NOT NULL,
  detail           TEXT
);
CREATE INDEX content_item_event_by_item ON content_item_event (item_id, at, id);

-- Media hashes reported with an item (MD5, SHA1, SHA256 as lower-case hex; PDQ as 64 hex digits).
CREATE TABLE content_item_hash
(
  item_id    UUID NOT NULL REFERENCES content_item (id) ON DELETE CASCADE,
  algorithm  TEXT NOT NULL CHECK (algorithm IN ('MD5', 'SHA1', 'SHA256', 'PDQ')),
  value      TEXT NOT NULL,
  PRIMARY KEY (item_id, algorithm, value)
);

-- Hashes of media already assessed on the platform (confirmed assessments): matched exactly, PDQ by
-- Hamming distance through an in-memory multi-index (rows read incrementally by id).
CREATE TABLE known_media_hash
(
  id               BIGSERIAL PRIMARY KEY,
  algorithm        TEXT NOT NULL CHECK (algorithm IN ('MD5', 'SHA1', 'SHA256', 'PDQ')),
  value            TEXT NOT NULL,
  category         TEXT NOT NULL,
  item_id          UUID REFERENCES content_item (id) ON DELETE SET NULL,
  organisation_id  UUID NOT NULL REFERENCES organisation (id),
  added_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT known_media_hash_unique UNIQUE (algorithm, value)
);

-- An organisation's assessment of an item; the handling hotline's latest confirmed one counts.
CREATE TABLE content_assessment
(
  id                    UUID PRIMARY KEY,
  item_id               UUID NOT NULL REFERENCES content_item (id) ON DELETE CASCADE,
  organisation_id       UUID NOT NULL REFERENCES organisation (id),
  assessed_by           UUID,
  category              TEXT NOT NULL,
  media_type            TEXT,
  media_count           INTEGER,
  victim_identification BOOLEAN NOT NULL DEFAULT FALSE,
  reason                TEXT NOT NULL,
  automatic             BOOLEAN NOT NULL DEFAULT FALSE,
  assessed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  needs_confirmation    BOOLEAN NOT NULL,
  confirmed_by          UUID,
  confirmed_at          TIMESTAMP WITH TIME ZONE,
  superseded            BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX content_assessment_by_item ON content_assessment (item_id, assessed_at DESC);

-- Category x country: is it illegal there, on which legal basis. Demo rows say so.
CREATE TABLE legality_rule
(
  category     TEXT NOT NULL,
  country      CHAR(2) NOT NULL,
  verdict      TEXT NOT NULL CHECK (verdict IN ('ILLEGAL', 'NOT_ILLEGAL', 'DEPENDS')),
  legal_basis  TEXT,
  note         TEXT,
  demo         BOOLEAN NOT NULL DEFAULT FALSE,
  reviewed_by  TEXT NOT NULL,
  reviewed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (category, country)
);
