-- Age limits an activity's notice states ("adults only", "an account needs a parent's consent under
-- 14"). Null keeps what every activity meant so far: no limit of its own, only the law's.
ALTER TABLE activity
  ADD COLUMN minimum_age smallint CHECK (minimum_age BETWEEN 1 AND 120),
  ADD COLUMN guardian_consent_under smallint CHECK (guardian_consent_under BETWEEN 1 AND 120),
  ADD CONSTRAINT activity_age_limits_ordered CHECK (minimum_age IS NULL OR guardian_consent_under IS NULL OR guardian_consent_under > minimum_age);
