-- The audit chain becomes keyed, and the server stops running as the owner of its tables.
--
-- 1. Every entry says how it is chained. Version 1 is the plain SHA-256 chain of the entries
--    written before this migration; version 2 is HMAC-SHA-256 under a key the database does not
--    hold. The column has no default from here on, so a writer that does not know about versions
--    (an older server still running) is refused rather than writing entries that look forged.
ALTER TABLE audit_entry ADD COLUMN chain_version smallint NOT NULL DEFAULT 1 CHECK (chain_version IN (1, 2));
ALTER TABLE audit_entry ALTER COLUMN chain_version DROP DEFAULT;

-- 2. Where the unkeyed part of the log ends: entries after it must be keyed, so a plain SHA-256
--    entry appended later is a forgery. Taken under the lock ALTER TABLE holds, so no entry slips
--    in between. One row, append-only like the log itself.
CREATE TABLE audit_chain_legacy (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  legacy_until_seq bigint NOT NULL CHECK (legacy_until_seq >= 0)
);
INSERT INTO audit_chain_legacy (legacy_until_seq) SELECT coalesce(max(seq), 0) FROM audit_entry;

CREATE TRIGGER audit_chain_legacy_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_chain_legacy
  FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER audit_chain_legacy_no_truncate
  BEFORE TRUNCATE ON audit_chain_legacy
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();

-- 3. The role the server runs its requests under. Roles belong to the whole cluster, while this
--    migration runs once per database: the role is made by the first database to get here and
--    reused by the others (two made at the same moment: the loser sees unique_violation). A DBA
--    may create it beforehand, as NOLOGIN, and the migration then needs no CREATEROLE.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'flowmap_server') THEN
    BEGIN
      CREATE ROLE flowmap_server NOLOGIN NOINHERIT;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
  -- A role of that name made by someone else with more power would defeat the point.
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'flowmap_server'
             AND (rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication OR rolbypassrls)) THEN
    RAISE EXCEPTION 'role flowmap_server exists with SUPERUSER, CREATEROLE, CREATEDB, REPLICATION or BYPASSRLS: it must have none';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = 'flowmap_server') THEN
    RAISE EXCEPTION 'role flowmap_server is a member of another role: it must be a member of none';
  END IF;
  -- The owner switches to the role on every connection (SET ROLE); a superuser may anyway, and
  -- an owner that made the role with CREATEROLE is not a member of it by default (PostgreSQL 16+).
  IF NOT pg_has_role(current_user, 'flowmap_server', 'MEMBER') THEN
    BEGIN
      EXECUTE format('GRANT flowmap_server TO %I', current_user);
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
END
$$;

-- 4. What the role may do in this database: read and write the data map, persons and tokens;
--    append to and read the audit log, nothing more (no UPDATE, DELETE or TRUNCATE, and, owning
--    nothing, no ALTER TABLE, so it cannot disable the triggers); read the migrations applied.
GRANT USAGE ON SCHEMA public TO flowmap_server;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO flowmap_server;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO flowmap_server;
REVOKE ALL ON audit_entry, audit_chain_legacy, schema_migration FROM flowmap_server;
GRANT SELECT, INSERT ON audit_entry TO flowmap_server;
GRANT SELECT ON audit_chain_legacy, schema_migration TO flowmap_server;

-- Tables later migrations create get the same grants; one that must be append-only revokes them.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO flowmap_server;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO flowmap_server;
