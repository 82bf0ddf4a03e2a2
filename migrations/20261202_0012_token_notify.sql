-- Every API instance caches verified tokens and forgets them all when it hears this channel. The
-- notification comes from the table itself, so a token revoked, re-roled, renamed or deleted by
-- any path (the API, the CLI, or SQL typed by hand) reaches every cache; PostgreSQL delivers it
-- when the transaction commits, and not at all when it rolls back. Touching last_used_at (done
-- while authenticating) changes nothing a cache holds and notifies nobody.
CREATE FUNCTION api_token_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('flowmap_api_token_revoked', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER api_token_changed_update
  AFTER UPDATE ON api_token
  FOR EACH ROW
  WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at
     OR OLD.role IS DISTINCT FROM NEW.role
     OR OLD.name IS DISTINCT FROM NEW.name
     OR OLD.token_hash IS DISTINCT FROM NEW.token_hash)
  EXECUTE FUNCTION api_token_changed();

CREATE TRIGGER api_token_changed_delete
  AFTER DELETE OR TRUNCATE ON api_token
  FOR EACH STATEMENT
  EXECUTE FUNCTION api_token_changed();
