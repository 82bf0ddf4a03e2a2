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
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
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
