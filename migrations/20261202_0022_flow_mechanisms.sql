-- A flow names its transfer mechanisms in the order it relies on them (DPF adequacy for a
-- certified recipient, then SCC Module 2 should the certification lapse): the verdict uses the
-- first that holds under each regime. Each entry says which SCC module it is (Commission
-- Implementing Decision (EU) 2021/914, Modules One to Four) or which exemption of the 2024 PIPL
-- Provisions it claims, and may hold evidence of its own.
CREATE TABLE flow_mechanism (
  flow_id uuid NOT NULL REFERENCES flow (id) ON DELETE CASCADE,
  position smallint NOT NULL CHECK (position >= 0),
  mechanism text NOT NULL CHECK (mechanism IN ('ADEQUACY_DECISION', 'STANDARD_CONTRACTUAL_CLAUSES',
    'BINDING_CORPORATE_RULES', 'CODE_OF_CONDUCT', 'GDPR_CERTIFICATION', 'EXPLICIT_CONSENT_DEROGATION',
    'CONTRACT_DEROGATION', 'PIPL_STANDARD_CONTRACT', 'CAC_SECURITY_ASSESSMENT', 'PIPL_CERTIFICATION',
    'PIPL_EXEMPTION')),
  scc_module text CHECK (scc_module IN ('CONTROLLER_TO_CONTROLLER', 'CONTROLLER_TO_PROCESSOR',
    'PROCESSOR_TO_PROCESSOR', 'PROCESSOR_TO_CONTROLLER')),
  pipl_exemption text CHECK (pipl_exemption IN ('NO_PERSONAL_INFORMATION', 'COLLECTED_ABROAD', 'CONTRACT_NECESSITY',
    'HR_MANAGEMENT', 'EMERGENCY', 'UNDER_100000_PERSONS', 'FREE_TRADE_ZONE')),
  PRIMARY KEY (flow_id, position),
  CONSTRAINT flow_mechanism_module_needs_scc CHECK (scc_module IS NULL OR mechanism = 'STANDARD_CONTRACTUAL_CLAUSES'),
  CONSTRAINT flow_mechanism_exemption_needs_exemption CHECK (pipl_exemption IS NULL OR mechanism = 'PIPL_EXEMPTION')
);
CREATE INDEX flow_mechanism_mechanism_idx ON flow_mechanism (mechanism);

-- The single mechanism of each flow becomes its first entry, with the exemption it claimed.
INSERT INTO flow_mechanism (flow_id, position, mechanism, pipl_exemption)
  SELECT id, 0, mechanism, pipl_exemption FROM flow WHERE mechanism IS NOT NULL;
ALTER TABLE flow DROP COLUMN pipl_exemption, DROP COLUMN mechanism;

-- Evidence of one mechanism entry is flow evidence that also names the entry's position; flow
-- evidence without one (all evidence written before this migration) counts for every entry.
ALTER TABLE evidence
  ADD COLUMN mechanism_position smallint,
  ADD CONSTRAINT evidence_of_a_flow_mechanism FOREIGN KEY (flow_id, mechanism_position)
    REFERENCES flow_mechanism (flow_id, position) ON DELETE CASCADE,
  ADD CONSTRAINT evidence_mechanism_kind CHECK (mechanism_position IS NULL OR (flow_id IS NOT NULL
    AND kind IN ('TRANSFER_IMPACT_ASSESSMENT', 'PIPL_STANDARD_CONTRACT_FILING', 'CAC_ASSESSMENT_PASSED', 'PIPL_CERTIFICATE')));
