-- GDPR and UK GDPR Art. 3(2): a controller outside their territory is subject to them for an
-- activity only when it offers goods or services to, or monitors, persons in that territory.
-- True keeps what every activity meant so far.
ALTER TABLE activity ADD COLUMN targets_residents boolean NOT NULL DEFAULT true;
