import { describe, expect, it } from 'vitest';
import { ageInYears, calendarDateOf, isCalendarDate, isInForce, parseDateOrDateTime } from './dates';

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
});
