-- Bearer tokens for the API. Only a SHA-256 hash of each secret is kept: the secret is shown once,
-- when the token is created. A token is never deleted, only revoked, so that the audit log's actor
-- names keep pointing at something.
CREATE TABLE api_token (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  role text NOT NULL CHECK (role IN ('VIEWER', 'EDITOR', 'AUDITOR', 'ADMIN')),
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- The audit log records the token's name as the actor: two live tokens may not share one.
CREATE UNIQUE INDEX api_token_live_name_idx ON api_token (name) WHERE revoked_at IS NULL;
