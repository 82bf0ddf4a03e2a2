-- GDPR Art. 30(1)(a): the record names the controller with its contact details, its data protection
-- officer and its representatives (GDPR Art. 27, PIPL Art. 53). Kept as the inventory file gives them.
ALTER TABLE organisation
  ADD COLUMN contact text CHECK (length(contact) BETWEEN 1 AND 300),
  ADD COLUMN dpo jsonb,
  ADD COLUMN representatives jsonb;
