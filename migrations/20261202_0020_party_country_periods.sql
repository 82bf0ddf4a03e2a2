-- A party's countries are kept with the periods they held, so that a question about a past date
-- reads the countries the party had then. A period runs from effective_from to effective_to, both
-- inclusive; a null start means "since before the record begins", a null end "still in force".
-- Rows written before this migration become periods with neither, held at every date as they
-- were read until now, so no past answer changes.
ALTER TABLE party_country DROP CONSTRAINT party_country_pkey;
ALTER TABLE party_country
  ADD COLUMN effective_from date,
  ADD COLUMN effective_to date,
  ADD CONSTRAINT party_country_period_ordered CHECK (effective_from IS NULL OR effective_to IS NULL OR effective_from <= effective_to);
CREATE UNIQUE INDEX party_country_period_start_key ON party_country (party_id, country_code, effective_from) NULLS NOT DISTINCT;

-- The countries each party has today (UTC): what lists, filters and the party's `countries` show.
CREATE VIEW party_country_now AS
  SELECT party_id, country_code FROM party_country
  WHERE (effective_from IS NULL OR effective_from <= (now() AT TIME ZONE 'UTC')::date)
    AND (effective_to IS NULL OR effective_to >= (now() AT TIME ZONE 'UTC')::date);
