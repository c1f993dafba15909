-- Correlation: every indicator a record carries is a sighting. Relations between records are answered
-- from the index of sightings by indicator; no pairwise correlation is ever stored, so storage grows
-- linearly with sightings. Records connected through linking indicators form clusters, kept up to date
-- incrementally (union by size: the smaller cluster is relabelled).
CREATE TABLE indicator_value
(
  id            BIGSERIAL PRIMARY KEY,
  type          TEXT NOT NULL,
  value         TEXT NOT NULL,
  benign        TEXT,
  source_count  INT NOT NULL DEFAULT 0,
  first_seen    TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen     TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT indicator_value_unique UNIQUE (type, value)
);

CREATE TABLE correlation_cluster
(
  id          BIGSERIAL PRIMARY KEY,
  size        INT NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A record that carries indicators: a report now; cases, contact-point requests and feeds later.
CREATE TABLE correlation_record
(
  id           BIGSERIAL PRIMARY KEY,
  source_kind  TEXT NOT NULL,
  source_id    UUID NOT NULL,
  owner_org    UUID NOT NULL,
  country      CHAR(2) NOT NULL,
  tlp          TEXT NOT NULL,
  cluster_id   BIGINT NOT NULL REFERENCES correlation_cluster (id),
  seen_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT correlation_record_source_unique UNIQUE (source_kind, source_id)
);
CREATE INDEX correlation_record_by_cluster ON correlation_record (cluster_id);
CREATE INDEX correlation_record_by_owner ON correlation_record (owner_org);

-- The hot path: no foreign keys here (each would cost two index probes per sighting); only the
-- correlation ingest writes this table, with ids it has just read or created in the same transaction.
-- country and red repeat the record's, so that what correlation needs to know of an indicator's carriers
-- (countries, whether any is TLP:RED) is read from this table alone.
CREATE TABLE sighting
(
  indicator_id  BIGINT NOT NULL,
  record_id     BIGINT NOT NULL,
  country       CHAR(2) NOT NULL,
  red           BOOLEAN NOT NULL,
  seen_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (indicator_id, record_id)
);
CREATE INDEX sighting_by_record ON sighting (record_id);

-- A hit tells an organisation that one of its records carries a linking indicator that records held in
-- other countries carry too: which of its records, on which indicator. Who else holds it (countries,
-- organisations, whom to contact) is read from the sightings when the hit is shown, never their content.
-- One hit per organisation, record and indicator, so a popular indicator costs one hit per record.
CREATE TABLE hit
(
  id                 UUID PRIMARY KEY,
  organisation_id    UUID NOT NULL,
  record_id          BIGINT NOT NULL REFERENCES correlation_record (id) ON DELETE CASCADE,
  indicator_id       BIGINT NOT NULL REFERENCES indicator_value (id),
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  read_at            TIMESTAMP WITH TIME ZONE,
  CONSTRAINT hit_unique UNIQUE (organisation_id, record_id, indicator_id)
);
CREATE INDEX hit_inbox ON hit (organisation_id, created_at DESC);

CREATE TABLE access_request
(
  id                 UUID PRIMARY KEY,
  requester_org      UUID NOT NULL,
  requester_user     UUID NOT NULL,
  record_id          BIGINT NOT NULL REFERENCES correlation_record (id) ON DELETE CASCADE,
  owner_org          UUID NOT NULL,
  hit_id             UUID REFERENCES hit (id),
  reason             TEXT NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('PENDING', 'GRANTED', 'DECLINED')),
  decided_by         UUID,
  decided_at         TIMESTAMP WITH TIME ZONE,
  decision_note      TEXT,
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX access_request_by_owner ON access_request (owner_org, status);
CREATE INDEX access_request_by_requester ON access_request (requester_org, created_at DESC);
CREATE UNIQUE INDEX access_request_one_pending ON access_request (requester_org, record_id) WHERE status = 'PENDING';

CREATE TABLE access_grant
(
  organisation_id  UUID NOT NULL,
  record_id        BIGINT NOT NULL REFERENCES correlation_record (id) ON DELETE CASCADE,
  granted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  request_id       UUID NOT NULL REFERENCES access_request (id),
  PRIMARY KEY (organisation_id, record_id)
);
