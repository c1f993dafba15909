-- The append-only, hash-chained audit trail. Each entry stores the hash of the entry before it;
-- audit_chain_head holds the last sequence number and hash so that removing the newest entries is
-- detected too. Sequence numbers are gapless (assigned under the head's row lock).
CREATE TABLE audit_entry
(
  seq             BIGINT PRIMARY KEY,
  occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  actor_user_id   UUID,
  actor_username  TEXT NOT NULL,
  actor_org_id    UUID,
  action          TEXT NOT NULL,
  object_type     TEXT NOT NULL,
  object_id       TEXT,
  detail          TEXT,
  personal_data   BOOLEAN NOT NULL DEFAULT FALSE,
  remote_address  TEXT,
  prev_hash       TEXT NOT NULL,
  hash            TEXT NOT NULL
);
CREATE INDEX audit_entry_by_time ON audit_entry (occurred_at);
CREATE INDEX audit_entry_by_actor_org ON audit_entry (actor_org_id, occurred_at);
CREATE INDEX audit_entry_by_object ON audit_entry (object_type, object_id);

CREATE TABLE audit_chain_head
(
  id        INT PRIMARY KEY CHECK (id = 1),
  last_seq  BIGINT NOT NULL,
  last_hash TEXT NOT NULL
);
-- The genesis: a chain with no entries ends in the hash of nothing.
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Append-only: the application never updates or deletes entries; the database refuses it too.
-- (Someone with owner rights can still disable the trigger - the hash chain is what detects that.)
CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER audit_entry_append_only
  BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
