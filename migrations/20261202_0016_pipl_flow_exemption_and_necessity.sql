-- Which exemption of the 2024 Provisions on Promoting and Regulating Cross-Border Data Flows a
-- flow claims (Art. 4, Art. 5(1)-(4), Art. 6). Only Art. 5(4) is bound to a volume, so the rules
-- need to know which one it is; it is named only on a flow whose mechanism is PIPL_EXEMPTION.
ALTER TABLE flow ADD COLUMN pipl_exemption text
  CHECK (pipl_exemption IN ('COLLECTED_ABROAD', 'CONTRACT_NECESSITY', 'HR_MANAGEMENT', 'EMERGENCY',
    'UNDER_100000_PERSONS', 'FREE_TRADE_ZONE')),
  ADD CONSTRAINT flow_exemption_needs_exemption_mechanism
    CHECK (pipl_exemption IS NULL OR mechanism = 'PIPL_EXEMPTION');

-- Why a provision to another handler without consent is necessary for the basis it rests on
-- (PIPL Art. 13(1)(2)-(7) hold only "where necessary"): the rules ask for it until it is recorded.
ALTER TABLE flow ADD COLUMN necessity text;
