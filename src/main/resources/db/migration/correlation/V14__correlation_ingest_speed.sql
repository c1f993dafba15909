-- The correlation ingest is the only writer of hits and cluster labels, and it writes ids it has just read
-- or created in the same transaction under its lock. Foreign keys on these hot paths cost index probes on
-- every hit insert, every relabelled record and every merged-away cluster (deleting a cluster row made
-- PostgreSQL look for records still pointing at it), so they go, like the sighting table's never had them.
ALTER TABLE hit DROP CONSTRAINT hit_record_id_fkey;
ALTER TABLE hit DROP CONSTRAINT hit_indicator_id_fkey;
ALTER TABLE correlation_record DROP CONSTRAINT correlation_record_cluster_id_fkey;

-- Every ingest bumps source_count and last_seen of the values it sees; neither is indexed, so with room
-- left on each page PostgreSQL updates the row in place (a HOT update) instead of adding index entries.
ALTER TABLE indicator_value SET (fillfactor = 70);

-- No query looks records up by owner alone (visibility is checked on records found by cluster, value or
-- id), so this index only cost every record insert and every relabel an entry.
DROP INDEX correlation_record_by_owner;
