-- correlation: which indicator values gained sightings, one row per ingest, stamped with the ingest's transaction
-- id. Readers of the sighting index (sharing's collections) bring themselves up to date from the values that changed
-- since their last pass instead of re-reading every sighting: a reader keeps the oldest transaction id still running
-- when it read (pg_snapshot_xmin), and asks next time for the rows stamped at or after it. Rows are kept a day.
CREATE TABLE indicator_change
(
  changed_in     XID8 NOT NULL DEFAULT pg_current_xact_id(),
  changed_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  indicator_ids  BIGINT[] NOT NULL
);
CREATE INDEX indicator_change_by_transaction ON indicator_change (changed_in);
