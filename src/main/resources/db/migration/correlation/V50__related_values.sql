-- Related values (issue 12): a record also carries values derived from its indicators (a URL's host and
-- registrable domain, an e-mail address's domain) and the reported ranges its addresses fall in. Such a
-- sighting says how it was derived; NULL is an exact sighting, the value stated by the record itself.
-- 1 = host, 2 = e-mail domain, 3 = registrable domain, 4 = address in range (eu.eccp.indicators.Relation).
-- Nullable and last, so exact sightings store nothing for it (their null bitmap fits the header's padding)
-- and adding it rewrites nothing.
ALTER TABLE sighting ADD COLUMN derivation SMALLINT;

-- IP addresses and ranges as PostgreSQL inet, so that the ranges holding an address and the addresses inside
-- a range are found through GiST indexes (inet_ops) instead of a scan of every range.
ALTER TABLE indicator_value ADD COLUMN network INET;

CREATE FUNCTION pg_temp.as_inet(v TEXT) RETURNS INET LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN CAST(v AS INET);
EXCEPTION WHEN others THEN
  RETURN NULL;
END $$;

UPDATE indicator_value SET network = pg_temp.as_inet(value) WHERE type IN ('IPV4', 'IPV6', 'CIDR');

CREATE INDEX indicator_value_ranges ON indicator_value USING gist (network inet_ops) WHERE type = 'CIDR';
CREATE INDEX indicator_value_addresses ON indicator_value USING gist (network inet_ops) WHERE type IN ('IPV4', 'IPV6');
