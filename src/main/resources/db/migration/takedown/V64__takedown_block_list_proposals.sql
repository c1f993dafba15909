-- Block-list proposals made from an item (issue 15): the entry the block list recorded for it, and why. The
-- entry itself (its expression, approval, publication, expiry) lives in the block list's tables; this row links
-- the item to it so the item's page and API show what was proposed, by whom and when.
CREATE TABLE content_item_block_proposal
(
  item_id          UUID NOT NULL REFERENCES content_item (id) ON DELETE CASCADE,
  entry_id         UUID NOT NULL,                 -- the block list's entry (opaque here)
  reference_code   TEXT NOT NULL,                 -- the entry's public reference code (shown on the stop page)
  whole_host       BOOLEAN NOT NULL,              -- the whole host, or the address with everything under it
  reason_code      TEXT NOT NULL CHECK (reason_code IN ('HOSTED_OUTSIDE_EU', 'REMOVAL_DEADLINE_PASSED')),
  countries        TEXT NOT NULL,                 -- comma-separated: where the legality matrix says it is illegal
  proposed_by_org  UUID NOT NULL REFERENCES organisation (id),
  proposed_by      UUID NOT NULL,
  proposed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (item_id, entry_id)
);
