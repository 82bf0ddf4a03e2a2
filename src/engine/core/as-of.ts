import { calendarDateOf } from '../../common/dates';

/** The moment a question is asked about, in the two forms the engine compares against. */
export interface AsOf {
  /** The ISO timestamp asked for: consents are given and withdrawn at instants. */
  instant: string;
  instantMs: number;
  /** Its calendar date (UTC), 'YYYY-MM-DD': records, evidence and decisions are in force on days. */
  date: string;
}

export function readAsOf(asOf: string): AsOf {
  const instantMs = Date.parse(asOf);
  if (Number.isNaN(instantMs)) throw new RangeError(`asOf: '${asOf}' is not an ISO 8601 timestamp`);
  return { instant: asOf, instantMs, date: calendarDateOf(asOf) };
}
