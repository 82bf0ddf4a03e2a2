const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written 'YYYY-MM-DD'. */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** The calendar date (UTC) of an instant. */
export function calendarDateOf(instant: Date | string): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** Whole years from `birthDate` to `on` (both 'YYYY-MM-DD'): a person turns N on their birthday. */
export function ageInYears(birthDate: string, on: string): number {
  const [birthYear, birthMonthDay] = [Number(birthDate.slice(0, 4)), birthDate.slice(5)];
  const [year, monthDay] = [Number(on.slice(0, 4)), on.slice(5)];
  return year - birthYear - (monthDay < birthMonthDay ? 1 : 0);
}

/** Whether a record effective from `from` to `to` (inclusive, null = open) is in force on `on`. */
export function isInForce(from: string, to: string | null, on: string): boolean {
  return from <= on && (to === null || on <= to);
}

const dateFormatsByZone = new Map<string, Intl.DateTimeFormat>();

function calendarDateInZone(instant: Date, timeZone: string): string {
  let format = dateFormatsByZone.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormatsByZone.set(timeZone, format);
  }
  return format.format(instant);
}

/** The time zones of a country (ISO 3166-1 alpha-2), from the ICU data Node ships; empty when ICU knows none. */
function timeZonesOf(country: string): string[] {
  const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & { timeZones?: string[]; getTimeZones?: () => string[] };
  return locale.getTimeZones?.() ?? locale.timeZones ?? [];
}

/**
 * The calendar date of an instant where people in `country` live. A country with several time
 * zones is on several dates around midnight: it is the earliest of them, so that a person's
 * birthday counts once it has come everywhere in their country (a child stays a child until
 * then). A country ICU knows no zone for is on the UTC date.
 */
export function calendarDateInCountry(instant: Date | string, country: string): string {
  const moment = new Date(instant);
  const dates = timeZonesOf(country).map((zone) => calendarDateInZone(moment, zone));
  return dates.length === 0 ? calendarDateOf(moment) : dates.sort()[0];
}

/** A person's age at an instant, counted on the calendar date where they live. */
export function ageWhereTheyLive(birthDate: string, instant: Date | string, country: string): number {
  return ageInYears(birthDate, calendarDateInCountry(instant, country));
}
