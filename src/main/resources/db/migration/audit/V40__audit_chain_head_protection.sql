-- The chain head is protected like the entries: it only moves forward, and only to the newest entry with
-- that entry's hash, so rewriting it to hide removed entries needs the triggers switched off (which the
-- signed checkpoints outside the database then reveal). Nobody deletes or truncates the head or the entries.
CREATE FUNCTION audit_chain_head_moves_forward() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  newest TEXT;
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'the audit chain head only moves forward (% refused)', TG_OP;
  END IF;
  IF NEW.id <> OLD.id OR NEW.last_seq <= OLD.last_seq THEN
    RAISE EXCEPTION 'the audit chain head only moves forward (% to % refused)', OLD.last_seq, NEW.last_seq;
  END IF;
  SELECT hash INTO newest FROM audit_entry WHERE seq = NEW.last_seq;
  IF newest IS NULL OR newest <> NEW.last_hash OR EXISTS (SELECT 1 FROM audit_entry WHERE seq > NEW.last_seq) THEN
    RAISE EXCEPTION 'the audit chain head must name the newest entry and its hash (entry % refused)', NEW.last_seq;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER audit_chain_head_forward_only
  BEFORE INSERT OR UPDATE OR DELETE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_chain_head_moves_forward();

CREATE FUNCTION audit_trail_is_not_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only (TRUNCATE of % refused)', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER audit_entry_no_truncate
  BEFORE TRUNCATE ON audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_is_not_truncated();
CREATE TRIGGER audit_chain_head_no_truncate
  BEFORE TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_is_not_truncated();
