import { describe, expect, it } from 'vitest';
import { addCalendarDuration, ageInYears, ageWhereTheyLive, calendarDateInCountry, calendarDateOf, daysBetween, isCalendarDate, isInForce, parseCalendarDuration, parseDateOrDateTime } from './dates';

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2023-2-1')).toBe(false);
    expect(isCalendarDate('2023-13-01')).toBe(false);
  });

  it('counts a birthday as the day a person turns a year older', () => {
    expect(ageInYears('2010-06-15', '2024-06-14')).toBe(13);
    expect(ageInYears('2010-06-15', '2024-06-15')).toBe(14);
  });

  it('takes the UTC calendar date of an instant', () => {
    expect(calendarDateOf('2024-03-01T23:30:00-02:00')).toBe('2024-03-02');
  });

  it('takes the calendar date where a country lives: a child in China turns 14 once the date has changed across China, hours before it changes in UTC', () => {
    expect(calendarDateInCountry('2024-06-14T17:00:00Z', 'CN')).toBe('2024-06-14');
    expect(calendarDateInCountry('2024-06-14T18:30:00Z', 'CN')).toBe('2024-06-15');
    expect(ageWhereTheyLive('2010-06-15', '2024-06-14T18:30:00Z', 'CN')).toBe(14);
    expect(ageWhereTheyLive('2010-06-15', '2024-06-15T03:00:00Z', 'US')).toBe(13);
    expect(ageWhereTheyLive('2010-06-15', '2024-06-15T12:00:00Z', 'US')).toBe(14);
  });

  it('treats effective ranges as inclusive at both ends', () => {
    expect(isInForce('2024-01-01', '2024-12-31', '2024-12-31')).toBe(true);
    expect(isInForce('2024-01-01', '2024-12-31', '2025-01-01')).toBe(false);
    expect(isInForce('2024-01-01', null, '2023-12-31')).toBe(false);
  });

  it('reads an as-of moment from a date (its start, UTC) or a date-time with a time zone', () => {
    expect(parseDateOrDateTime('2026-12-02')?.toISOString()).toBe('2026-12-02T00:00:00.000Z');
    expect(parseDateOrDateTime('2026-12-02T10:30:00+02:00')?.toISOString()).toBe('2026-12-02T08:30:00.000Z');
    expect(parseDateOrDateTime('2026-12-02T10:30Z')?.toISOString()).toBe('2026-12-02T10:30:00.000Z');
    for (const bad of ['2026-02-30', '2026-12-02T10:30:00', 'yesterday', '2026-12-02 10:30Z', '2026-02-30T10:00:00Z', '']) {
      expect(parseDateOrDateTime(bad)).toBeNull();
    }
  });

  it('reads ISO 8601 durations of calendar time, and nothing else', () => {
    expect(parseCalendarDuration('P60D')).toEqual({ years: 0, months: 0, days: 60 });
    expect(parseCalendarDuration('P1Y2M3W4D')).toEqual({ years: 1, months: 2, days: 25 });
    for (const bad of ['P', '60D', 'P-1D', 'PT12H', 'P1.5D', 'p60d', 'P60D ']) expect(parseCalendarDuration(bad)).toBeNull();
  });

  it('adds months to the last day of a short month, then days', () => {
    expect(addCalendarDuration('2024-01-31', { years: 0, months: 1, days: 0 })).toBe('2024-02-29');
    expect(addCalendarDuration('2026-12-02', { years: 0, months: 0, days: 60 })).toBe('2027-01-31');
    expect(addCalendarDuration('2024-02-29', { years: 1, months: 0, days: 0 })).toBe('2025-02-28');
    expect(daysBetween('2026-12-02', '2027-01-31')).toBe(60);
    expect(daysBetween('2026-12-02', '2026-11-30')).toBe(-2);
  });
});
