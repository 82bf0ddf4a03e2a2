-- The receiver's role on one flow, where it is not its party kind's default: an SDK that only
-- processes on our behalf under a PIPL Art. 21 agreement is entrusted, not another handler
-- (Art. 23). Null keeps the kind's default, so existing flows keep their meaning.
ALTER TABLE flow ADD COLUMN recipient_role text
  CHECK (recipient_role IN ('PROCESSOR', 'INDEPENDENT_HANDLER'));
