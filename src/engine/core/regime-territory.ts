import { regimesOfCountry, TRANSFER_RESTRICTING_REGIMES } from '../../domain/regimes';

// Reference data is fixed for the life of the process, and these are asked once per hop.
const restrictingRegimesByCountry = new Map<string, readonly string[]>();

function restrictingRegimesOfCountry(country: string): readonly string[] {
  let regimes = restrictingRegimesByCountry.get(country);
  if (regimes === undefined) {
    regimes = regimesOfCountry(country).filter((regime) => TRANSFER_RESTRICTING_REGIMES.includes(regime));
    restrictingRegimesByCountry.set(country, regimes);
  }
  return regimes;
}

/** The transfer-restricting regimes (GDPR, UK GDPR, PIPL) covering any of the countries, sorted. */
export function restrictingRegimesOf(countries: Iterable<string>): string[] {
  const regimes = new Set<string>();
  for (const country of countries) for (const regime of restrictingRegimesOfCountry(country)) regimes.add(regime);
  return [...regimes].sort();
}

export function isInTerritory(regime: string, country: string): boolean {
  return restrictingRegimesOfCountry(country).includes(regime);
}

/**
 * Of the regimes governing a hop, those under which it is a transfer: the data reaches a country
 * outside the regime's territory (GDPR Art. 44 and UK GDPR Art. 44, onward transfers included;
 * PIPL Art. 38, provision outside mainland China).
 */
export function transferRegimesOf(regimes: readonly string[], toCountries: readonly string[]): string[] {
  return regimes.filter((regime) => toCountries.some((country) => !isInTerritory(regime, country)));
}

/** The destinations of a hop outside a regime's territory. */
export function countriesOutside(regime: string, countries: readonly string[]): string[] {
  return countries.filter((country) => !isInTerritory(regime, country));
}

/** Regimes that reach a controller outside their territory only through Art. 3(2) targeting or monitoring. */
const TARGETING_REGIMES: readonly string[] = ['GDPR', 'UK_GDPR'];

/**
 * Of the regimes of the persons' residences, those that follow their data into the activity: GDPR
 * and UK GDPR apply to a controller outside their territory only where the activity offers goods
 * or services to persons there or monitors their behaviour there (Art. 3(2)); an establishment
 * there (Art. 3(1)) counts through the controller's own countries. PIPL Art. 3(2) has the same
 * test, which the activity does not record for it: PIPL follows the residence as before.
 */
export function regimesFollowingInto(activity: { targetsResidents: boolean }, residenceRegimes: readonly string[]): string[] {
  return residenceRegimes.filter((regime) => activity.targetsResidents || !TARGETING_REGIMES.includes(regime));
}
