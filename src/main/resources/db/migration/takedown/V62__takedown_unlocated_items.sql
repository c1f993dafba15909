-- Items still to be located by a hosting lookup (HostingLookups takes the oldest first): a partial index, so a
-- run reads only those, however many items are located already.
CREATE INDEX content_item_unlocated ON content_item (reported_at) WHERE hosting_source IS NULL AND removal_seen_at IS NULL;
