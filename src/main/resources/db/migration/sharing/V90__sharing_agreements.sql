-- sharing: agreements under which indicators leave the platform to partners (TAXII 2.1, MISP feed, CSV).
-- An agreement names the organisations whose records are shared and the partners receiving them, the indicator
-- types it covers, the highest TLP 2.0 marking it may carry (AMBER+STRICT and RED never leave their owner), the
-- PAP level, the FIRST IEP 2.0 handling fields and its validity.
CREATE TABLE sharing_agreement
(
  id                            UUID PRIMARY KEY,
  name                          TEXT NOT NULL,
  description                   TEXT NOT NULL DEFAULT '',
  tlp_ceiling                   TEXT NOT NULL CHECK (tlp_ceiling IN ('CLEAR', 'GREEN', 'AMBER')),
  pap                           TEXT NOT NULL CHECK (pap IN ('CLEAR', 'GREEN', 'AMBER', 'RED')),
  indicator_types               TEXT[] NOT NULL,
  personal_types                TEXT[] NOT NULL,
  clear_value_types             TEXT[] NOT NULL,
  clear_value_purpose           TEXT,
  pseudonymous_sources          BOOLEAN NOT NULL,
  encrypt_in_transit            TEXT NOT NULL,
  permitted_actions             TEXT NOT NULL,
  affected_party_notifications  TEXT NOT NULL,
  attribution                   TEXT NOT NULL,
  unmodified_resale             TEXT NOT NULL,
  resharing                     TEXT NOT NULL,
  retention_days                INT CHECK (retention_days IS NULL OR retention_days > 0),
  valid_from                    DATE NOT NULL,
  valid_until                   DATE,
  writable                      BOOLEAN NOT NULL DEFAULT FALSE,
  created_by                    UUID NOT NULL,
  created_at                    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at                    TIMESTAMP WITH TIME ZONE NOT NULL,
  ended_at                      TIMESTAMP WITH TIME ZONE,
  CHECK (valid_until IS NULL OR valid_until >= valid_from)
);

CREATE TABLE sharing_agreement_party
(
  agreement_id     UUID NOT NULL REFERENCES sharing_agreement (id) ON DELETE CASCADE,
  organisation_id  UUID NOT NULL,
  side             TEXT NOT NULL CHECK (side IN ('SHARING', 'RECEIVING')),
  PRIMARY KEY (agreement_id, side, organisation_id)
);
CREATE INDEX sharing_agreement_party_by_organisation ON sharing_agreement_party (organisation_id);

-- What each agreement's collection holds: one row per indicator, the latest version only. A refresh (one node at a
-- time per collection) compares what correlation now says with these rows and stamps new and changed ones with a
-- date_added later than any before, so that TAXII's added_after and the paging cursor never skip a version.
-- The value itself is not copied: it is read from correlation when a page is served.
CREATE SEQUENCE sharing_object_seq;
CREATE TABLE sharing_collection_object
(
  agreement_id  UUID NOT NULL REFERENCES sharing_agreement (id) ON DELETE CASCADE,
  indicator_id  BIGINT NOT NULL,
  type          TEXT NOT NULL,
  -- the ids of the indicator and sighting objects in clear form (recipients of pseudonyms get keyed ids instead)
  stix_uuid     UUID NOT NULL,
  sighting_uuid UUID NOT NULL,
  seq           BIGINT NOT NULL,
  date_added    TIMESTAMP WITH TIME ZONE NOT NULL,
  created       TIMESTAMP WITH TIME ZONE NOT NULL,
  modified      TIMESTAMP WITH TIME ZONE NOT NULL,
  first_seen    TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen     TIMESTAMP WITH TIME ZONE NOT NULL,
  records       INT NOT NULL,
  countries     TEXT[] NOT NULL,
  tlp           TEXT NOT NULL,
  revoked       BOOLEAN NOT NULL DEFAULT FALSE,
  PRIMARY KEY (agreement_id, indicator_id)
);
CREATE INDEX sharing_collection_object_by_added ON sharing_collection_object (agreement_id, date_added, seq);
CREATE INDEX sharing_collection_object_by_stix ON sharing_collection_object (agreement_id, stix_uuid);
CREATE INDEX sharing_collection_object_by_sighting ON sharing_collection_object (agreement_id, sighting_uuid);

CREATE TABLE sharing_collection_state
(
  agreement_id   UUID PRIMARY KEY REFERENCES sharing_agreement (id) ON DELETE CASCADE,
  last_stamp     TIMESTAMP WITH TIME ZONE NOT NULL,
  refreshed_at   TIMESTAMP WITH TIME ZONE,
  objects        BIGINT NOT NULL DEFAULT 0
);

-- Every disclosure to a partner: who received which objects (the UUID part of their STIX ids), when, under which
-- agreement and through which channel. The audit trail holds one entry per disclosure pointing here.
CREATE TABLE sharing_disclosure
(
  id               UUID PRIMARY KEY,
  agreement_id     UUID NOT NULL REFERENCES sharing_agreement (id),
  recipient_org    UUID NOT NULL,
  recipient_user   UUID,
  channel          TEXT NOT NULL,
  disclosed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  object_count     INT NOT NULL,
  clear_personal   BOOLEAN NOT NULL,
  object_ids       UUID[] NOT NULL
);
CREATE INDEX sharing_disclosure_by_agreement ON sharing_disclosure (agreement_id, disclosed_at DESC);
