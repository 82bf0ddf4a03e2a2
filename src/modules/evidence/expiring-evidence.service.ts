import type { DataSource } from 'typeorm';
import { addCalendarDuration, calendarDateOf, parseCalendarDuration } from '../../common/dates';
import { badInput } from '../../common/errors';
import { readInventory } from '../inventory/inventory-export.service';
import { expiringEvidence, type ExpiringEvidenceItem } from './expiring-evidence';

/** The window of `expiringEvidence(within:)`: an ISO 8601 duration of days, weeks, months or years. */
export function parseWithin(within: string, field = 'within') {
  const duration = parseCalendarDuration(within);
  if (duration === null) {
    throw badInput([{ field, message: `'${within}' is not an ISO 8601 duration of years, months, weeks or days (P60D, P8W, P3M, P1Y)` }]);
  }
  return duration;
}

/** Evidence that lapses within `within` of `asOf` (default now), or has lapsed unrenewed, soonest first. */
export async function listExpiringEvidence(dataSource: DataSource, within: string, asOf: Date | null | undefined, now: Date): Promise<ExpiringEvidenceItem[]> {
  const duration = parseWithin(within);
  const on = calendarDateOf(asOf ?? now);
  const document = await dataSource.transaction('REPEATABLE READ', (manager) => readInventory(manager, { includePersons: false }));
  return expiringEvidence(document, on, addCalendarDuration(on, duration));
}
