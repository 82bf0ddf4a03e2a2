-- Persons and their consents. Both are keyed by person id so that they can be sharded by it
-- (Citus, distribution column person id); the id is derived from the external id (UUID v5), so a
-- look-up by external id goes to one shard and the external id stays unique without a global index.
CREATE TABLE person (
  id uuid PRIMARY KEY,
  external_id text NOT NULL UNIQUE CHECK (length(external_id) BETWEEN 1 AND 200),
  country_of_residence char(2) NOT NULL REFERENCES country (code),
  date_of_birth date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_country_idx ON person (country_of_residence);

CREATE TABLE person_subject_category (
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  subject_category_id uuid NOT NULL REFERENCES subject_category (id),
  PRIMARY KEY (person_id, subject_category_id)
);
CREATE INDEX person_subject_category_subject_idx ON person_subject_category (subject_category_id);

CREATE TABLE consent (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  activity_id uuid REFERENCES activity (id),
  flow_id uuid REFERENCES flow (id),
  kind text NOT NULL CHECK (kind IN ('ORDINARY', 'SEPARATE')),
  given_by_guardian boolean NOT NULL DEFAULT false,
  given_at timestamptz NOT NULL,
  withdrawn_at timestamptz,
  PRIMARY KEY (person_id, id),
  CONSTRAINT consent_one_subject CHECK (num_nonnulls(activity_id, flow_id) = 1),
  CONSTRAINT consent_withdrawn_after_given CHECK (withdrawn_at IS NULL OR withdrawn_at >= given_at)
);
CREATE UNIQUE INDEX consent_id_idx ON consent (id);
CREATE INDEX consent_activity_idx ON consent (activity_id) WHERE activity_id IS NOT NULL;
CREATE INDEX consent_flow_idx ON consent (flow_id) WHERE flow_id IS NOT NULL;
