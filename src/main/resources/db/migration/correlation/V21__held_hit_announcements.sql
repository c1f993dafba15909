-- correlation: hits whose announcement is held until a multi-batch load (a bulk import) ends, so that the
-- load notifies each organisation once. Written in the ingest's transaction; a crash loses none.
CREATE TABLE hit_announcement_held
(
  held_under       TEXT NOT NULL,
  organisation_id  UUID NOT NULL,
  hit_id           UUID NOT NULL,
  PRIMARY KEY (held_under, hit_id)
);
