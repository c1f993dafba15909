-- sharing: every version of a collection's objects (TAXII 2.1 match[version] and the versions endpoint). A version is
-- what a refresh stamped: its date added, position, modified time and the sighting summary of that moment; the
-- object's type, ids and first creation stay on sharing_collection_object, which keeps pointing at the latest.
-- The oldest versions beyond eccp.sharing.max-versions per object are dropped by the refresh.
CREATE TABLE sharing_collection_version
(
  agreement_id  UUID NOT NULL,
  indicator_id  BIGINT NOT NULL,
  seq           BIGINT NOT NULL,
  date_added    TIMESTAMP WITH TIME ZONE NOT NULL,
  modified      TIMESTAMP WITH TIME ZONE NOT NULL,
  first_seen    TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen     TIMESTAMP WITH TIME ZONE NOT NULL,
  records       INT NOT NULL,
  countries     TEXT[] NOT NULL,
  tlp           TEXT NOT NULL,
  revoked       BOOLEAN NOT NULL,
  PRIMARY KEY (agreement_id, indicator_id, modified)
);
CREATE INDEX sharing_collection_version_by_added ON sharing_collection_version (agreement_id, date_added, seq);

-- what collections hold now is the first version kept of each object
INSERT INTO sharing_collection_version (agreement_id, indicator_id, seq, date_added, modified, first_seen, last_seen,
  records, countries, tlp, revoked)
SELECT agreement_id, indicator_id, seq, date_added, modified, first_seen, last_seen, records, countries, tlp, revoked
FROM sharing_collection_object;
