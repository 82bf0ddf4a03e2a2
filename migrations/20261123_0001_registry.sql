-- The registry: reference data and the company's data map (parties, categories, activities, flows).
-- Enumerations are CHECK constraints rather than PostgreSQL ENUM types so that adding a value is a
-- plain constraint swap inside a transaction.

CREATE TABLE country (
  code char(2) PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
  name text NOT NULL
);

CREATE TABLE regime (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
  name text NOT NULL
);

CREATE TABLE regime_country (
  regime_code text NOT NULL REFERENCES regime (code) ON DELETE CASCADE,
  country_code char(2) NOT NULL REFERENCES country (code),
  PRIMARY KEY (regime_code, country_code)
);

-- Bumped by every change to the data map, so that API instances can cache the inventory and
-- know cheaply when their copy is stale.
CREATE TABLE inventory_revision (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  revision bigint NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO inventory_revision (revision) VALUES (1);

CREATE TABLE party (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL UNIQUE CHECK (key ~ '^[a-z0-9][a-z0-9._-]{0,99}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  kind text NOT NULL CHECK (kind IN ('CONTROLLER', 'AFFILIATE', 'PROCESSOR', 'SUB_PROCESSOR',
    'SDK_PROVIDER', 'THIRD_PARTY', 'JOINT_CONTROLLER', 'PUBLIC_AUTHORITY')),
  engaged_by_id uuid REFERENCES party (id),
  description text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT party_sub_processor_engaged CHECK ((kind = 'SUB_PROCESSOR') = (engaged_by_id IS NOT NULL)),
  CONSTRAINT party_not_engaged_by_itself CHECK (engaged_by_id <> id)
);
CREATE INDEX party_kind_idx ON party (kind);
CREATE INDEX party_engaged_by_idx ON party (engaged_by_id);

CREATE TABLE party_country (
  party_id uuid NOT NULL REFERENCES party (id) ON DELETE CASCADE,
  country_code char(2) NOT NULL REFERENCES country (code),
  PRIMARY KEY (party_id, country_code)
);
CREATE INDEX party_country_country_idx ON party_country (country_code);

CREATE TABLE data_category (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL UNIQUE CHECK (key ~ '^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)*$' AND length(key) <= 100),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  parent_id uuid REFERENCES data_category (id),
  gdpr_special boolean NOT NULL DEFAULT false,
  pipl_sensitive boolean NOT NULL DEFAULT false,
  description text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT data_category_not_own_parent CHECK (parent_id <> id)
);
CREATE INDEX data_category_parent_idx ON data_category (parent_id);

CREATE TABLE subject_category (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL UNIQUE CHECK (key ~ '^[a-z0-9][a-z0-9._-]{0,99}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  description text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE activity (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL UNIQUE CHECK (key ~ '^[a-z0-9][a-z0-9._-]{0,99}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  purpose text NOT NULL,
  controller_id uuid NOT NULL REFERENCES party (id),
  legal_basis text NOT NULL CHECK (legal_basis IN ('CONSENT', 'SEPARATE_CONSENT', 'CONTRACT',
    'LEGAL_OBLIGATION', 'VITAL_INTERESTS', 'PUBLIC_TASK', 'LEGITIMATE_INTERESTS', 'PUBLICLY_DISCLOSED')),
  retention_period text CHECK (retention_period ~ '^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$'),
  retention_event text,
  security_measures text[] NOT NULL DEFAULT '{}',
  localised_in char(2) REFERENCES country (code),
  effective_from date NOT NULL,
  effective_to date,
  description text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT activity_effective_range CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
CREATE INDEX activity_controller_idx ON activity (controller_id);
CREATE INDEX activity_legal_basis_idx ON activity (legal_basis);

CREATE TABLE activity_subject_category (
  activity_id uuid NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  subject_category_id uuid NOT NULL REFERENCES subject_category (id),
  PRIMARY KEY (activity_id, subject_category_id)
);
CREATE INDEX activity_subject_category_subject_idx ON activity_subject_category (subject_category_id);

CREATE TABLE activity_data_category (
  activity_id uuid NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  data_category_id uuid NOT NULL REFERENCES data_category (id),
  required boolean NOT NULL,
  PRIMARY KEY (activity_id, data_category_id)
);
CREATE INDEX activity_data_category_category_idx ON activity_data_category (data_category_id);

CREATE TABLE flow (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL UNIQUE CHECK (key ~ '^[a-z0-9][a-z0-9._-]{0,99}$'),
  activity_id uuid NOT NULL REFERENCES activity (id),
  from_party_id uuid NOT NULL REFERENCES party (id),
  to_party_id uuid NOT NULL REFERENCES party (id),
  legal_basis text CHECK (legal_basis IN ('CONSENT', 'SEPARATE_CONSENT', 'CONTRACT',
    'LEGAL_OBLIGATION', 'VITAL_INTERESTS', 'PUBLIC_TASK', 'LEGITIMATE_INTERESTS', 'PUBLICLY_DISCLOSED')),
  consent_required boolean NOT NULL DEFAULT false,
  mechanism text CHECK (mechanism IN ('ADEQUACY_DECISION', 'STANDARD_CONTRACTUAL_CLAUSES',
    'BINDING_CORPORATE_RULES', 'CODE_OF_CONDUCT', 'GDPR_CERTIFICATION', 'EXPLICIT_CONSENT_DEROGATION',
    'CONTRACT_DEROGATION', 'PIPL_STANDARD_CONTRACT', 'CAC_SECURITY_ASSESSMENT', 'PIPL_CERTIFICATION',
    'PIPL_EXEMPTION')),
  safeguards text[] NOT NULL DEFAULT '{}'
    CHECK (safeguards <@ ARRAY['DE_IDENTIFICATION', 'ANONYMISATION', 'PSEUDONYMISATION', 'ENCRYPTION']),
  continuous boolean NOT NULL DEFAULT true,
  annual_subjects integer CHECK (annual_subjects >= 0),
  effective_from date NOT NULL,
  effective_to date,
  description text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT flow_not_to_itself CHECK (from_party_id <> to_party_id),
  CONSTRAINT flow_effective_range CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
CREATE INDEX flow_activity_idx ON flow (activity_id);
CREATE INDEX flow_from_idx ON flow (from_party_id);
CREATE INDEX flow_to_idx ON flow (to_party_id);
CREATE INDEX flow_mechanism_idx ON flow (mechanism);

CREATE TABLE flow_data_category (
  flow_id uuid NOT NULL REFERENCES flow (id) ON DELETE CASCADE,
  data_category_id uuid NOT NULL REFERENCES data_category (id),
  PRIMARY KEY (flow_id, data_category_id)
);
CREATE INDEX flow_data_category_category_idx ON flow_data_category (data_category_id);

-- Countries a flow actually reaches; none listed means every country of the receiving party.
CREATE TABLE flow_country (
  flow_id uuid NOT NULL REFERENCES flow (id) ON DELETE CASCADE,
  country_code char(2) NOT NULL REFERENCES country (code),
  PRIMARY KEY (flow_id, country_code)
);

-- Documents and facts on record that the rules need: one table, exactly one owner per row.
CREATE TABLE evidence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  party_id uuid REFERENCES party (id) ON DELETE CASCADE,
  activity_id uuid REFERENCES activity (id) ON DELETE CASCADE,
  flow_id uuid REFERENCES flow (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('DATA_PROCESSING_AGREEMENT', 'PIPL_ENTRUSTMENT_AGREEMENT',
    'DPF_CERTIFICATION', 'COMMERCIAL_ORGANISATION', 'RECIPIENT_CONTACT', 'TRANSFER_IMPACT_ASSESSMENT',
    'PIPL_STANDARD_CONTRACT_FILING', 'CAC_ASSESSMENT_PASSED', 'PIPL_CERTIFICATE', 'ART39_NOTICE',
    'ART9_CONDITION', 'PI_IMPACT_ASSESSMENT')),
  dated_on date NOT NULL,
  expires_on date,
  reference text,
  CONSTRAINT evidence_one_owner CHECK (num_nonnulls(party_id, activity_id, flow_id) = 1),
  CONSTRAINT evidence_kind_fits_owner CHECK (
    (party_id IS NOT NULL AND kind IN ('DATA_PROCESSING_AGREEMENT', 'PIPL_ENTRUSTMENT_AGREEMENT',
      'DPF_CERTIFICATION', 'COMMERCIAL_ORGANISATION', 'RECIPIENT_CONTACT'))
    OR (flow_id IS NOT NULL AND kind IN ('TRANSFER_IMPACT_ASSESSMENT', 'PIPL_STANDARD_CONTRACT_FILING',
      'CAC_ASSESSMENT_PASSED', 'PIPL_CERTIFICATE', 'ART39_NOTICE', 'PI_IMPACT_ASSESSMENT'))
    OR (activity_id IS NOT NULL AND kind IN ('ART9_CONDITION', 'PI_IMPACT_ASSESSMENT'))),
  CONSTRAINT evidence_valid_range CHECK (expires_on IS NULL OR expires_on >= dated_on)
);
CREATE INDEX evidence_party_idx ON evidence (party_id) WHERE party_id IS NOT NULL;
CREATE INDEX evidence_activity_idx ON evidence (activity_id) WHERE activity_id IS NOT NULL;
CREATE INDEX evidence_flow_idx ON evidence (flow_id) WHERE flow_id IS NOT NULL;
