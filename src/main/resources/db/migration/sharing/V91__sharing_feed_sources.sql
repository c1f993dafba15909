-- sharing: remote TAXII 2.1 collections an organisation pulls from (the TAXII client). Each source is pulled by one
-- node at a time under a lease; its added_after cursor moves page by page, so a pull cut short resumes where it was.
CREATE TABLE sharing_feed_source
(
  id               UUID PRIMARY KEY,
  organisation_id  UUID NOT NULL,
  name             TEXT NOT NULL,
  url              TEXT NOT NULL,
  username         TEXT,
  -- the credential sent to the remote server (a token, or a Basic password): it must be sent, so it is kept as given
  secret           TEXT,
  tlp              TEXT NOT NULL CHECK (tlp IN ('RED', 'AMBER_STRICT', 'AMBER', 'GREEN', 'CLEAR')),
  interval_seconds INT NOT NULL CHECK (interval_seconds >= 60),
  page_size        INT NOT NULL CHECK (page_size BETWEEN 1 AND 10000),
  enabled          BOOLEAN NOT NULL DEFAULT TRUE,
  added_after      TEXT,
  next_run_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  lease_until      TIMESTAMP WITH TIME ZONE,
  last_run_at      TIMESTAMP WITH TIME ZONE,
  last_success_at  TIMESTAMP WITH TIME ZONE,
  last_error       TEXT,
  failures         INT NOT NULL DEFAULT 0,
  pages            BIGINT NOT NULL DEFAULT 0,
  received         BIGINT NOT NULL DEFAULT 0,
  imported         BIGINT NOT NULL DEFAULT 0,
  rejected         BIGINT NOT NULL DEFAULT 0,
  last_rejections  TEXT NOT NULL DEFAULT '[]',
  created_by       UUID NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sharing_feed_source_due ON sharing_feed_source (next_run_at) WHERE enabled;
CREATE INDEX sharing_feed_source_by_organisation ON sharing_feed_source (organisation_id);
