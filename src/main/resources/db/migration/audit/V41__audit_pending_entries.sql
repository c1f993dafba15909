-- audit: entries are written in their action's transaction to audit_pending, which takes no lock, and linked
-- into the hash chain right after that transaction commits, in batches (see AuditChainer). Before, every
-- audited transaction held the chain head's row lock until its commit reached the disk, so all audited work
-- of the platform ran one transaction at a time. Pending entries can only be inserted and, by the chainer,
-- moved into the chain (deleted here in the same transaction); they are never changed.
CREATE TABLE audit_pending
(
  id              BIGSERIAL PRIMARY KEY,
  occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  actor_user_id   UUID,
  actor_username  TEXT NOT NULL,
  actor_org_id    UUID,
  action          TEXT NOT NULL,
  object_type     TEXT NOT NULL,
  object_id       TEXT,
  detail          TEXT,
  personal_data   BOOLEAN NOT NULL DEFAULT FALSE,
  remote_address  TEXT
);
CREATE TRIGGER audit_pending_never_changes
  BEFORE UPDATE ON audit_pending
  FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
