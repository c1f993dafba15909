-- Records correlated before V50 carry no derived sightings (a URL's host and registrable domain, an e-mail
-- address's domain, the reported ranges an address falls in), so they link to nothing through them.
-- RelatedValuesBackfill records their exact sightings once more, in batches, from the lowest record id up to the
-- highest that existed when this migration ran; next_record is its cursor. Recording sightings is idempotent, so a
-- batch replayed after a crash adds, links and notifies nothing twice. On a new database there is nothing to do.
CREATE TABLE correlation_backfill (
  name        TEXT PRIMARY KEY,
  next_record BIGINT NOT NULL,
  last_record BIGINT NOT NULL,
  finished_at TIMESTAMPTZ
);

INSERT INTO correlation_backfill (name, next_record, last_record, finished_at)
SELECT 'related-values', COALESCE(min(id), 0), COALESCE(max(id), 0), CASE WHEN count(*) = 0 THEN now() END
FROM correlation_record;
