import { stringify } from 'csv-stringify/sync';

/**
 * A CSV document for spreadsheets: a UTF-8 byte order mark (so Excel reads the text as UTF-8), a
 * header row, one row per record, CRLF line ends and quoting as RFC 4180 (2.1-2.7). A cell that
 * starts with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'`, so that a party named
 * `=HYPERLINK(...)` stays text instead of becoming a live formula (CSV injection).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  // quoted_match: the library quotes a field holding its record delimiter (CRLF) but not a bare LF or CR.
  return stringify([header, ...rows] as string[][], { bom: true, escape_formulas: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/** How a list goes into one cell. */
export function csvList(values: readonly string[]): string {
  return values.join('; ');
}
