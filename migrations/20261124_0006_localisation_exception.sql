-- A localisation promise may yield to the person's own consent ("stored in mainland China ...
-- unless you authorise otherwise"): then a hop the person consented to may leave the country.
ALTER TABLE activity
  ADD COLUMN localised_unless_consented boolean NOT NULL DEFAULT false,
  ADD CONSTRAINT activity_localisation_exception_needs_promise CHECK (NOT localised_unless_consented OR localised_in IS NOT NULL);
