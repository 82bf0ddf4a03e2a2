import type { DataHop } from '../flow-query/flow-query.type';
import { csvList, toCsv } from './csv';

/** The columns of the transfer register as a table (CSV, spreadsheet, HTML). */
export const TRANSFER_COLUMNS = [
  'flow',
  'activity',
  'exporter',
  'exporter name',
  'importer',
  'importer name',
  'from countries',
  'to countries',
  'categories',
  'mechanism',
  'safeguards',
  'regimes',
  'transfer regimes',
  'verdict',
  'lawful',
  'reasons',
];

/**
 * The cross-border transfer register as table rows under TRANSFER_COLUMNS: one per restricted transfer hop of
 * the data map (inventoryTransfers), parties by key and by name (`partyNames`, by key), lists
 * joined with '; '.
 */
export function transferRegisterRows(hops: readonly DataHop[], partyNames: ReadonlyMap<string, string>): string[][] {
  return hops.map((hop) => [
    hop.flowKey,
    hop.activityKey,
    hop.fromKey,
    partyNames.get(hop.fromKey) ?? '',
    hop.toKey,
    partyNames.get(hop.toKey) ?? '',
    csvList(hop.fromCountries),
    csvList(hop.toCountries),
    csvList(hop.categoryKeys),
    hop.mechanism ?? '',
    csvList(hop.safeguards),
    csvList(hop.regimes),
    csvList(hop.transferRegimes),
    hop.verdict,
    hop.lawful === null ? 'unknown' : hop.lawful ? 'yes' : 'no',
    csvList(hop.reasons),
  ]);
}

/** The transfer register as CSV: a header row, then one row per transfer. */
export function transferRegisterCsv(hops: readonly DataHop[], partyNames: ReadonlyMap<string, string>): string {
  return toCsv(TRANSFER_COLUMNS, transferRegisterRows(hops, partyNames));
}
