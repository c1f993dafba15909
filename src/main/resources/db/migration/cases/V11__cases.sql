-- Shared cross-border cases: the owning unit, the units it invited, the records the case absorbed, tasks,
-- notes, messages, evidence with its chain of custody, and a timeline of everything that happened.
-- Every entry carries a TLP marking and its author's organisation: TLP:RED entries are visible only there.
CREATE SEQUENCE case_reference_seq;

CREATE TABLE case_file
(
  id          UUID PRIMARY KEY,
  reference   TEXT NOT NULL,
  title       TEXT NOT NULL,
  summary     TEXT NOT NULL,
  offences    TEXT NOT NULL,
  tlp         TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
  owner_org   UUID NOT NULL REFERENCES organisation (id),
  opened_by   UUID NOT NULL,
  opened_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  closed_at   TIMESTAMP WITH TIME ZONE,
  CONSTRAINT case_reference_unique UNIQUE (reference)
);
CREATE INDEX case_by_owner ON case_file (owner_org, updated_at DESC);

-- The owner is a member too; invited units are members once they accept.
CREATE TABLE case_member
(
  case_id          UUID NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  organisation_id  UUID NOT NULL REFERENCES organisation (id),
  status           TEXT NOT NULL CHECK (status IN ('OWNER', 'INVITED', 'ACCEPTED', 'DECLINED')),
  invited_by       UUID,
  invited_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  invitation_note  TEXT,
  responded_by     UUID,
  responded_at     TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (case_id, organisation_id)
);
CREATE INDEX case_member_by_organisation ON case_member (organisation_id, status);

-- Records a case absorbed (reports, hits, clusters, indicators): they keep their link.
CREATE TABLE case_link
(
  case_id     UUID NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,
  ref         TEXT NOT NULL,
  label       TEXT NOT NULL,
  added_org   UUID NOT NULL,
  added_by    UUID NOT NULL,
  added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (case_id, kind, ref)
);

CREATE TABLE case_task
(
  id            UUID PRIMARY KEY,
  case_id       UUID NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  title         TEXT NOT NULL,
  assignee      UUID,
  due_on        DATE,
  status        TEXT NOT NULL CHECK (status IN ('OPEN', 'DONE')),
  tlp           TEXT NOT NULL,
  author_org    UUID NOT NULL,
  author_user   UUID NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  done_at       TIMESTAMP WITH TIME ZONE,
  done_by       UUID
);
CREATE INDEX case_task_by_case ON case_task (case_id, status, due_on);

-- Notes and thread messages: kind NOTE (on the timeline) or MESSAGE (the case's conversation).
CREATE TABLE case_entry
(
  id            UUID PRIMARY KEY,
  case_id       UUID NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (kind IN ('NOTE', 'MESSAGE')),
  body          TEXT NOT NULL,
  tlp           TEXT NOT NULL,
  author_org    UUID NOT NULL,
  author_user   UUID NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX case_entry_by_case ON case_entry (case_id, kind, created_at);

-- Evidence files live outside the web root under DATA_DIR/evidence/<storage_key>; the SHA-256 is
-- computed while the upload streams to disk. Message attachments are evidence too (entry_id set).
CREATE TABLE case_evidence
(
  id            UUID PRIMARY KEY,
  case_id       UUID NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  entry_id      UUID REFERENCES case_entry (id),
  file_name     TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  size_bytes    BIGINT NOT NULL,
  sha256        CHAR(64) NOT NULL,
  description   TEXT,
  tlp           TEXT NOT NULL,
  storage_key   TEXT NOT NULL,
  author_org    UUID NOT NULL,
  author_user   UUID NOT NULL,
  added_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX case_evidence_by_case ON case_evidence (case_id, added_at);

-- Chain of custody: who added, viewed, downloaded or exported each piece of evidence, and why.
-- Append-only, like the audit trail.
CREATE TABLE custody_event
(
  id            BIGSERIAL PRIMARY KEY,
  evidence_id   UUID NOT NULL REFERENCES case_evidence (id),
  action        TEXT NOT NULL CHECK (action IN ('ADDED', 'VIEWED', 'DOWNLOADED', 'EXPORTED')),
  reason        TEXT,
  actor_org     UUID NOT NULL,
  actor_user    UUID NOT NULL,
  at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX custody_by_evidence ON custody_event (evidence_id, id);

CREATE FUNCTION custody_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'the chain of custody is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER custody_event_no_change BEFORE UPDATE OR DELETE ON custody_event
  FOR EACH ROW EXECUTE FUNCTION custody_event_append_only();

-- The timeline: everything that happened in the case, each line with the marking of what it is about.
CREATE TABLE case_event
(
  id          BIGSERIAL PRIMARY KEY,
  case_id     UUID NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  type        TEXT NOT NULL,
  summary     TEXT NOT NULL,
  tlp         TEXT NOT NULL,
  actor_org   UUID NOT NULL,
  actor_user  UUID,
  at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX case_event_by_case ON case_event (case_id, id);
