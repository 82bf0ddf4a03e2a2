import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Finding } from '../flow-query/flow-query.type';
import { parseInventoryFile, type InventoryFileFormat } from '../inventory/parse-inventory-file';

export interface EntryLocation {
  line: number;
  column: number;
}

/** Where a finding points in the inventory file: the entry of its first flow, else activity, else party. */
export type LocateFinding = (finding: Finding) => EntryLocation | null;

const SECTIONS = ['flows', 'activities', 'parties'] as const;

/**
 * Reads where each entry of an inventory file starts, so that a finding can name the line and
 * column of what causes it (for SARIF and CI annotations). The file is checked as an import
 * would check it first: a file the import would refuse is refused here too, with its errors.
 */
export function entryLocator(text: string, format: InventoryFileFormat): LocateFinding {
  const parsed = parseInventoryFile(text, format);
  if ('errors' in parsed) {
    const [first] = parsed.errors;
    throw new Error(`the inventory file is not valid (${parsed.errors.length} error(s); first at ${first.line}:${first.column}: ${first.message})`);
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, logLevel: 'error', schema: format === 'json' ? 'json' : 'core' });
  const places = new Map<string, EntryLocation>();
  const root = document.contents;
  for (const section of SECTIONS) {
    const entries = isMap(root) ? root.get(section, true) : undefined;
    if (!isSeq(entries)) continue;
    for (const entry of entries.items) {
      if (!isMap(entry)) continue;
      const key = entry.get('key', true);
      if (!isScalar(key) || typeof key.value !== 'string') continue;
      const { line, col } = lineCounter.linePos(entry.range?.[0] ?? 0);
      places.set(`${section}/${key.value}`, { line, column: col });
    }
  }
  return (finding) => {
    const candidates = [...finding.flowKeys.map((key) => `flows/${key}`), ...finding.activityKeys.map((key) => `activities/${key}`), ...finding.partyKeys.map((key) => `parties/${key}`)];
    for (const candidate of candidates) {
      const place = places.get(candidate);
      if (place) return place;
    }
    return null;
  };
}
