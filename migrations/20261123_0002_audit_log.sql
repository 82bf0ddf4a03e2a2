-- Append-only, hash-chained record of every change: each entry's hash covers its content and the
-- previous entry's hash, so editing or removing a past entry breaks the chain from there on.
CREATE TABLE audit_entry (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  operation text NOT NULL,
  entity_type text NOT NULL,
  entity_key text NOT NULL,
  before jsonb,
  after jsonb,
  previous_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE INDEX audit_entry_entity_idx ON audit_entry (entity_type, entity_key);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor);
CREATE INDEX audit_entry_at_idx ON audit_entry (at);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_entry_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();

CREATE TRIGGER audit_entry_no_truncate
  BEFORE TRUNCATE ON audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
