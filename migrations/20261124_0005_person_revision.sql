-- Bumped by every change to which persons exist, their residence or their subject categories, so
-- that API instances can cache what the inventory-wide questions need to know of the persons
-- (counts and residences per activity) and know cheaply when it is stale. Consents do not count:
-- those questions take every consent as given.
CREATE TABLE person_revision (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  revision bigint NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO person_revision (revision) VALUES (1);
