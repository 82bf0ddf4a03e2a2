import { isCountryCode } from './countries';
import regimeData from './regimes.data.json';

export interface Regime {
  code: string;
  name: string;
  description: string;
  legalReference: string;
  countries: string[];
  /** Age from which a person consents alone to online services (GDPR Art. 8, PIPL Art. 31, ...). */
  digitalConsentAge: number;
  source: string;
}

interface RegimeRecord extends Regime {
  /** GDPR Art. 8(1): member states may set a lower age, not below 13. */
  digitalConsentAgeByCountry?: Record<string, number>;
}

/** Regimes whose cross-border transfer rules Flowmap checks (GDPR Chapter V, UK GDPR Chapter V, PIPL Chapter III). */
export const TRANSFER_RESTRICTING_REGIMES: readonly string[] = ['GDPR', 'UK_GDPR', 'PIPL'];

const RECORDS: readonly RegimeRecord[] = [...validated(regimeData)].sort((a, b) => (a.code < b.code ? -1 : 1));

export function listRegimes(): Regime[] {
  return RECORDS.map(toRegime);
}

export function findRegime(code: string): Regime | undefined {
  const record = recordOf(code);
  return record && toRegime(record);
}

/** Codes of the regimes covering the country, sorted. */
export function regimesOfCountry(countryCode: string): string[] {
  return RECORDS.filter((record) => record.countries.includes(countryCode)).map((record) => record.code);
}

/** Codes of the regimes covering any of the countries, sorted. */
export function regimesOfCountries(codes: Iterable<string>): string[] {
  const wanted = new Set(codes);
  return RECORDS.filter((record) => record.countries.some((country) => wanted.has(country))).map((record) => record.code);
}

export function digitalConsentAge(regimeCode: string, countryCode: string): number {
  const record = recordOf(regimeCode);
  if (record === undefined) {
    throw new RangeError(`Unknown regime ${regimeCode}`);
  }
  return record.digitalConsentAgeByCountry?.[countryCode] ?? record.digitalConsentAge;
}

function recordOf(code: string): RegimeRecord | undefined {
  return RECORDS.find((record) => record.code === code);
}

// A typo in the data file must fail at start-up, not silently drop a country from a regime.
function validated(records: readonly RegimeRecord[]): readonly RegimeRecord[] {
  for (const record of records) {
    const problem = (message: string) => new Error(`regimes.data.json, ${record.code}: ${message}`);
    const unknown = record.countries.filter((code) => !isCountryCode(code));
    if (unknown.length > 0) {
      throw problem(`unknown country codes ${unknown.join(', ')}`);
    }
    const outside = Object.keys(record.digitalConsentAgeByCountry ?? {}).filter((code) => !record.countries.includes(code));
    if (outside.length > 0) {
      throw problem(`consent age given for countries outside the regime: ${outside.join(', ')}`);
    }
  }
  const codes = records.map((record) => record.code);
  const duplicated = codes.filter((code, index) => codes.indexOf(code) !== index);
  const missing = TRANSFER_RESTRICTING_REGIMES.filter((code) => !codes.includes(code));
  if (duplicated.length > 0 || missing.length > 0) {
    throw new Error(`regimes.data.json: duplicated regimes [${duplicated.join(', ')}], missing regimes [${missing.join(', ')}]`);
  }
  return records;
}

// A fresh copy each time, so no caller can change the shared reference data.
function toRegime(record: RegimeRecord): Regime {
  return {
    code: record.code,
    name: record.name,
    description: record.description,
    legalReference: record.legalReference,
    countries: [...record.countries].sort(),
    digitalConsentAge: record.digitalConsentAge,
    source: record.source,
  };
}

/** The highest digital consent age of any regime or country: who is older is a minor under none of them. */
export function oldestDigitalConsentAge(): number {
  return Math.max(...RECORDS.flatMap((record) => [record.digitalConsentAge, ...Object.values(record.digitalConsentAgeByCountry ?? {})]));
}
