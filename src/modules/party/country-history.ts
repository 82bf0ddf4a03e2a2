import { dayBefore, isCalendarDate, isInPeriod } from '../../common/dates';
import type { ProblemList } from '../../common/errors';
import type { CountryPeriodEntry } from '../../domain/inventory-document';
import { validateCountry } from '../registry/entry-validation';

/** A period with both ends spelled out (null where open). */
export interface CountryPeriod {
  country: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

export function toCountryPeriod(entry: CountryPeriodEntry): CountryPeriod {
  return { country: entry.country, effectiveFrom: entry.effectiveFrom ?? null, effectiveTo: entry.effectiveTo ?? null };
}

/** Periods by country, then start (an unknown start first). */
export function compareCountryPeriods(a: CountryPeriod, b: CountryPeriod): number {
  if (a.country !== b.country) return a.country < b.country ? -1 : 1;
  if (a.effectiveFrom === b.effectiveFrom) return 0;
  if (a.effectiveFrom === null) return -1;
  if (b.effectiveFrom === null) return 1;
  return a.effectiveFrom < b.effectiveFrom ? -1 : 1;
}

/** The countries held on `on`, sorted. */
export function countriesOn(history: readonly CountryPeriod[], on: string): string[] {
  return [...new Set(history.filter((period) => isInPeriod(period.effectiveFrom, period.effectiveTo, on)).map((period) => period.country))].sort();
}

/** The countries of the periods with no end, sorted. */
export function openCountries(history: readonly CountryPeriod[]): string[] {
  return [...new Set(history.filter((period) => period.effectiveTo === null).map((period) => period.country))].sort();
}

/** Whether no period has a date: the history says no more than the list of countries. */
export function isUndated(history: readonly CountryPeriod[]): boolean {
  return history.every((period) => period.effectiveFrom === null && period.effectiveTo === null);
}

/**
 * The history after the party's countries become `countries` on `from`: a country dropped has its
 * open period end the day before, one added opens a period on `from`, one kept runs on. A period
 * that would end before it began (opened on `from` itself) never held and is dropped. Returns a
 * problem instead when `from` comes before the start of an open period that it would end.
 */
export function changeCountries(history: readonly CountryPeriod[], countries: readonly string[], from: string): CountryPeriod[] | string {
  const wanted = new Set(countries);
  const changed: CountryPeriod[] = [];
  for (const period of history) {
    if (period.effectiveTo !== null || wanted.has(period.country)) {
      changed.push(period);
      continue;
    }
    if (period.effectiveFrom !== null && period.effectiveFrom > from) {
      return `'${from}' is before the period of '${period.country}' began (${period.effectiveFrom}); state the whole countryHistory instead`;
    }
    if (period.effectiveFrom !== from) changed.push({ ...period, effectiveTo: dayBefore(from) });
  }
  const held = new Set(openCountries(history));
  for (const country of wanted) if (!held.has(country)) changed.push({ country, effectiveFrom: from, effectiveTo: null });
  return changed.sort(compareCountryPeriods);
}

/** Adds a problem for each bad period: unknown country, bad date, end before start, overlap with another of its country. */
export function validateCountryHistory(history: readonly CountryPeriodEntry[], field: string, problems: ProblemList): void {
  history.forEach((entry, index) => {
    const at = `${field}[${index}]`;
    validateCountry(entry.country, `${at}.country`, problems);
    for (const end of ['effectiveFrom', 'effectiveTo'] as const) {
      const date = entry[end];
      if (date !== null && date !== undefined && !isCalendarDate(date)) problems.add(`${at}.${end}`, `'${date}' is not a date (YYYY-MM-DD)`);
    }
    const period = toCountryPeriod(entry);
    if (period.effectiveFrom !== null && period.effectiveTo !== null && period.effectiveTo < period.effectiveFrom) {
      problems.add(`${at}.effectiveTo`, `'${period.effectiveTo}' is before effectiveFrom '${period.effectiveFrom}'`);
    }
    const overlapping = history.findIndex((other, otherIndex) => otherIndex < index && other.country === entry.country && overlaps(toCountryPeriod(other), period));
    if (overlapping >= 0) problems.add(at, `'${entry.country}' is already held then (${field}[${overlapping}])`);
  });
}

function overlaps(a: CountryPeriod, b: CountryPeriod): boolean {
  const startsBeforeEnd = (start: string | null, end: string | null) => start === null || end === null || start <= end;
  return startsBeforeEnd(a.effectiveFrom, b.effectiveTo) && startsBeforeEnd(b.effectiveFrom, a.effectiveTo);
}

/**
 * The history a write stores: `base` (the periods stated, or else those stored), changed so that
 * the open periods are `countries` from `from` (default `today`). A new party's countries with no
 * date given are held with no start, as a list of countries always was.
 */
export function resolveCountryHistory(
  base: readonly CountryPeriod[],
  countries: readonly string[],
  change: { from: string | null; today: string; isNew: boolean },
): CountryPeriod[] | string {
  const wanted = [...new Set(countries)].sort();
  if (openCountries(base).join() === wanted.join()) return [...base].sort(compareCountryPeriods);
  if (base.length === 0 && change.isNew && change.from === null) return wanted.map((country) => ({ country, effectiveFrom: null, effectiveTo: null }));
  return changeCountries(base, wanted, change.from ?? change.today);
}
