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

/** Like isInForce, for a period whose start may be unknown (null: since before the record begins). */
export function isInPeriod(from: string | null, to: string | null, on: string): boolean {
  return (from === null || from <= on) && (to === null || on <= to);
}

/** The calendar date one day before `date` ('YYYY-MM-DD'). */
export function dayBefore(date: string): string {
  return addCalendarDuration(date, { years: 0, months: 0, days: -1 });
}

/** A span of calendar time in whole years, months and days (weeks are counted as 7 days). */
export interface CalendarDuration {
  years: number;
  months: number;
  days: number;
}

const ISO_DATE_DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/**
 * An ISO 8601 duration of calendar time ('P60D', 'P2M', 'P1Y6M', 'P8W'), or null when `value` is
 * none. A time part ('PT12H') is refused: expiry is counted in days.
 */
export function parseCalendarDuration(value: string): CalendarDuration | null {
  const match = ISO_DATE_DURATION.exec(value);
  if (!match) return null;
  const [years, months, weeks, days] = match.slice(1).map((part) => Number(part ?? 0));
  return { years, months, days: weeks * 7 + days };
}

/**
 * The date `duration` after `on` ('YYYY-MM-DD'): years and months first, a day past the end of
 * the month becoming its last day (31 January + 1 month = 28 or 29 February), then the days.
 */
export function addCalendarDuration(on: string, duration: CalendarDuration): string {
  const totalMonths = Number(on.slice(0, 4)) * 12 + Number(on.slice(5, 7)) - 1 + duration.years * 12 + duration.months;
  const year = Math.floor(totalMonths / 12);
  const month = totalMonths % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(on.slice(8, 10)), lastDay);
  return new Date(Date.UTC(year, month, day + duration.days)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both 'YYYY-MM-DD'), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
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

const DATE_TIME_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * The moment an as-of question asks about: a calendar date 'YYYY-MM-DD' (its start, UTC) or a
 * date-time with a time zone. Null when the text is neither; a date-time without a zone is
 * refused because its instant would depend on where the server runs.
 */
export function parseDateOrDateTime(text: string): Date | null {
  if (isCalendarDate(text)) return new Date(`${text}T00:00:00Z`);
  if (!DATE_TIME_WITH_ZONE.test(text) || !isCalendarDate(text.slice(0, 10))) return null;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** How a date-or-date-time is written, for error messages. */
export const DATE_OR_DATE_TIME_EXAMPLES = "a date or a date-time with a time zone (2024-06-01, 2024-06-01T12:00:00Z)";
