-- Hosting: where an address is, which network it belongs to, and who answers for that network.

-- One imported dataset: a registry's delegated statistics (ripencc, arin...) or one ip-location-db file.
-- Importing a newer file of the same dataset replaces its ranges.
CREATE TABLE ip_data_source
(
  id           BIGSERIAL PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE,        -- e.g. rir:ripencc, ip-location-db:asn-ipv4
  kind         TEXT NOT NULL,               -- COUNTRY or ASN
  file_name    TEXT NOT NULL,
  sha256       TEXT NOT NULL,
  ranges       BIGINT NOT NULL,
  skipped      BIGINT NOT NULL,
  imported_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Address ranges (inclusive) with the country they are registered to or located in. Ranges of one source do
-- not overlap, so the range holding an address is the one with the greatest start not after it (B-tree).
CREATE TABLE ip_country_range
(
  source_id    BIGINT NOT NULL REFERENCES ip_data_source (id) ON DELETE CASCADE,
  range_start  INET NOT NULL,
  range_end    INET NOT NULL,
  country      CHAR(2) NOT NULL
);
CREATE INDEX ip_country_range_lookup ON ip_country_range (source_id, range_start);

-- Address ranges (inclusive) with the autonomous system announcing them and the network's owner.
CREATE TABLE ip_asn_range
(
  source_id    BIGINT NOT NULL REFERENCES ip_data_source (id) ON DELETE CASCADE,
  range_start  INET NOT NULL,
  range_end    INET NOT NULL,
  asn          BIGINT NOT NULL,
  owner        TEXT
);
CREATE INDEX ip_asn_range_lookup ON ip_asn_range (source_id, range_start);

-- The operator's table of who answers for a network (by AS number): the organisation on the platform that
-- operates it, and/or an abuse desk's e-mail address for hosts not on the platform.
CREATE TABLE hosting_network_contact
(
  asn              BIGINT PRIMARY KEY,
  name             TEXT NOT NULL,
  abuse_email      TEXT,
  organisation_id  UUID REFERENCES organisation (id),
  note             TEXT,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by       UUID,
  CHECK (abuse_email IS NOT NULL OR organisation_id IS NOT NULL)
);
