-- What on the platform an urgent request was opened from (e.g. a takedown item whose host is asked to preserve
-- the evidence before it removes the content): shown on the request with a link back. Opaque to this module.
CREATE TABLE urgent_request_origin
(
  request_id  UUID PRIMARY KEY REFERENCES urgent_request (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('TAKEDOWN_ITEM')),
  reference   TEXT NOT NULL,                 -- its id in the module that owns it
  link        TEXT NOT NULL CHECK (link LIKE '/%')  -- the platform path of it
);
