-- Whose data map this is: the inventory file's `organisation` block, kept so that an export gives
-- back what was imported.
CREATE TABLE organisation (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  policy jsonb
);
