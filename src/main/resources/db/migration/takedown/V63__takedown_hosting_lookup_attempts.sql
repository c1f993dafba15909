-- When a hosting lookup last tried an item: items whose host did not answer (or has no host) are tried again, but
-- after the ones never tried and the ones tried longest ago, so they never keep newer items from being located.
ALTER TABLE content_item ADD COLUMN hosting_lookup_at TIMESTAMP WITH TIME ZONE;
DROP INDEX content_item_unlocated;
CREATE INDEX content_item_unlocated ON content_item (hosting_lookup_at NULLS FIRST, reported_at)
  WHERE hosting_source IS NULL AND removal_seen_at IS NULL;
