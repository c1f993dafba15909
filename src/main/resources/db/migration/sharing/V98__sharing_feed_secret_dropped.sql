-- sharing: the clear credential column of feed sources goes. Migration 97 (the Java migration
-- eu.eccp.sharing.internal.V97__SealFeedCredentials, which alone holds the key) sealed every value left in it into
-- secret_sealed; a value it could not seal would stop the migration before this one runs, so nothing is lost.
ALTER TABLE sharing_feed_source DROP COLUMN secret;
