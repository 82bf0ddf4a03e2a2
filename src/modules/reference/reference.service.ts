import type { DataSource } from 'typeorm';
import { FlowmapError, ErrorCode } from '../../common/errors';
import { isCalendarDate } from '../../common/dates';
import { isAdequate, type AdequacyDecision as Decision, type RecipientStanding } from '../../domain/adequacy';
import { countryName, isCountryCode, listCountries } from '../../domain/countries';
import { findRegime, listRegimes } from '../../domain/regimes';
import type { AdequacyDecision, AdequacyVerdict, Country, Regime } from './reference.type';

export function countryOf(code: string): Country {
  return { code, name: countryName(code) ?? code };
}

export function regimeOf(code: string): Regime | null {
  const regime = findRegime(code);
  return regime ? { ...regime, countryCodes: regime.countries } : null;
}

export function decisionOf(decision: Decision): AdequacyDecision {
  return { ...decision, country: countryOf(decision.country) };
}

export function adequacyVerdict(
  regime: string,
  country: string,
  on: string,
  recipient: RecipientStanding,
): AdequacyVerdict {
  if (!findRegime(regime)) throw new FlowmapError(ErrorCode.BAD_USER_INPUT, `regime: no regime '${regime}'`, { field: 'regime' });
  if (!isCountryCode(country)) {
    throw new FlowmapError(ErrorCode.BAD_USER_INPUT, `country: '${country}' is not an ISO 3166-1 alpha-2 country code`, { field: 'country' });
  }
  if (!isCalendarDate(on)) throw new FlowmapError(ErrorCode.BAD_USER_INPUT, `on: '${on}' is not a date`, { field: 'on' });
  const verdict = isAdequate(regime, country, on, recipient);
  return { ...verdict, decision: verdict.decision ? decisionOf(verdict.decision) : null };
}

/**
 * Copies the reference data shipped with the code (countries from i18n-iso-countries, regimes from
 * regimes.data.json) into the database, where foreign keys check every country code and regime.
 */
export async function syncReferenceData(dataSource: DataSource): Promise<void> {
  const countries = listCountries();
  const regimes = listRegimes();
  await dataSource.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO country (code, name) SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`,
      [countries.map((country) => country.code), countries.map((country) => country.name)],
    );
    await manager.query(
      `INSERT INTO regime (code, name) SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`,
      [regimes.map((regime) => regime.code), regimes.map((regime) => regime.name)],
    );
    await manager.query('DELETE FROM regime_country');
    const pairs = regimes.flatMap((regime) => regime.countries.map((country) => [regime.code, country]));
    await manager.query('INSERT INTO regime_country (regime_code, country_code) SELECT * FROM unnest($1::text[], $2::text[])', [
      pairs.map(([regime]) => regime),
      pairs.map(([, country]) => country),
    ]);
  });
}
