-- Preservation requests opened from an item (Regulation (EU) 2021/784 Art. 6: removal must not destroy the
-- evidence): the contact-points module's urgent request sent to the item's host, linked back to the item.
CREATE TABLE content_item_preservation
(
  item_id           UUID NOT NULL REFERENCES content_item (id) ON DELETE CASCADE,
  request_id        UUID NOT NULL,                 -- the urgent request (contact-points module; opaque here)
  reference         TEXT NOT NULL,                 -- its reference, e.g. REQ-2026-000123
  host_org          UUID NOT NULL REFERENCES organisation (id),
  requested_by_org  UUID NOT NULL REFERENCES organisation (id),
  requested_by      UUID NOT NULL,
  requested_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (item_id, request_id)
);
