import isoCountries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';

export interface Country {
  code: string;
  name: string;
}

isoCountries.registerLocale(english);

const COUNTRIES: readonly Country[] = Object.entries(isoCountries.getNames('en', { select: 'official' }))
  .map(([code, name]) => Object.freeze({ code, name }))
  .sort((a, b) => (a.code < b.code ? -1 : 1));

const NAME_BY_CODE: ReadonlyMap<string, string> = new Map(COUNTRIES.map((country) => [country.code, country.name]));

/** Every ISO 3166-1 alpha-2 country known to i18n-iso-countries, with its English name, sorted by code. */
export function listCountries(): Country[] {
  return [...COUNTRIES];
}

export function isCountryCode(code: string): boolean {
  return NAME_BY_CODE.has(code);
}

export function countryName(code: string): string | undefined {
  return NAME_BY_CODE.get(code);
}
