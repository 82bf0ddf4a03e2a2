import { isCalendarDate } from '../../common/dates';
import type { ProblemList } from '../../common/errors';
import { isCountryCode } from '../../domain/countries';
import { KEY_PATTERN } from './key-lookup';

export function validateKey(key: string, field: string, problems: ProblemList, pattern: RegExp = KEY_PATTERN): void {
  if (!pattern.test(key)) {
    problems.add(field, `'${key}' is not a valid key: lowercase letters, digits, '.', '_' or '-', starting with a letter or digit, at most 100`);
  }
}

export function validateName(name: string, field: string, problems: ProblemList): void {
  if (name.trim().length === 0 || name.length > 300) problems.add(field, 'must be 1 to 300 characters');
}

export function validateCountries(countries: string[], field: string, problems: ProblemList): void {
  const seen = new Set<string>();
  countries.forEach((code, index) => {
    if (!isCountryCode(code)) problems.add(`${field}[${index}]`, `'${code}' is not an ISO 3166-1 alpha-2 country code`);
    else if (seen.has(code)) problems.add(`${field}[${index}]`, `'${code}' is listed twice`);
    seen.add(code);
  });
}

export function validateCountry(code: string | null | undefined, field: string, problems: ProblemList): void {
  if (code !== null && code !== undefined && !isCountryCode(code)) {
    problems.add(field, `'${code}' is not an ISO 3166-1 alpha-2 country code`);
  }
}

/** An effective range: from is a date, to is a date not before it (or open). */
export function validateEffectiveRange(from: string, to: string | null | undefined, at: string, problems: ProblemList): void {
  if (!isCalendarDate(from)) problems.add(`${at}.effectiveFrom`, `'${from}' is not a date (YYYY-MM-DD)`);
  if (to === null || to === undefined) return;
  if (!isCalendarDate(to)) problems.add(`${at}.effectiveTo`, `'${to}' is not a date (YYYY-MM-DD)`);
  else if (to < from) problems.add(`${at}.effectiveTo`, `${to} is before effectiveFrom ${from}`);
}

/** Reports each key of `wanted` that `found` lacks, at `field[index]`. */
export function validateReferences(wanted: string[], found: ReadonlyMap<string, string>, what: string, field: string, problems: ProblemList): void {
  wanted.forEach((key, index) => {
    if (!found.has(key)) problems.add(`${field}[${index}]`, `no ${what} '${key}'`);
  });
}
