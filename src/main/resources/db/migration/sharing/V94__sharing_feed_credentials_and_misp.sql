-- sharing: feed sources keep their credential encrypted (AES-256-GCM under a key file outside the database, the
-- source's id as associated data); the clear column is emptied at start-up by the platform, which alone holds the key.
ALTER TABLE sharing_feed_source ADD COLUMN secret_sealed BYTEA;
-- the credential's last four characters for long credentials, so people can tell which one is stored
ALTER TABLE sharing_feed_source ADD COLUMN secret_hint TEXT;
-- a source is a TAXII 2.1 collection or a MISP feed (manifest.json and one file per event)
ALTER TABLE sharing_feed_source ADD COLUMN kind TEXT NOT NULL DEFAULT 'TAXII' CHECK (kind IN ('TAXII', 'MISP'));
ALTER TABLE sharing_feed_source ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
-- the last error as a message code and its argument, so the page says it in the reader's language
ALTER TABLE sharing_feed_source ADD COLUMN last_error_code TEXT;
ALTER TABLE sharing_feed_source ADD COLUMN last_error_arg TEXT;

-- MISP feed pulls are incremental: the timestamp of each event as last imported; an event whose manifest timestamp
-- has not moved is not fetched again.
CREATE TABLE sharing_feed_misp_event
(
  source_id    UUID NOT NULL REFERENCES sharing_feed_source (id) ON DELETE CASCADE,
  event_uuid   UUID NOT NULL,
  event_time   BIGINT NOT NULL,
  imported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (source_id, event_uuid)
);
