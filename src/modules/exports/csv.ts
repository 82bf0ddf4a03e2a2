/** One CSV field: quoted when it holds a comma, a quote, CR or LF, with its quotes doubled (RFC 4180, 2.6-2.7). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV text: a header row, then one row per record, every line ended by CRLF (RFC 4180, 2.1-2.3). */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/** How a list goes into one cell. */
export function csvList(values: readonly string[]): string {
  return values.join('; ');
}
