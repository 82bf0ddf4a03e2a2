import { entryKey, INVENTORY_SECTIONS, type InventoryDocument, type InventorySection, type SectionEntry } from '../../domain/inventory-document';
import { normaliseInventory } from './normalise-inventory';

export interface DiffEntry {
  section: InventorySection;
  key: string;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ChangedEntry extends DiffEntry {
  fields: FieldChange[];
}

/** What importing `incoming` over `current` would do, entry by entry. */
export interface InventoryDiff {
  added: DiffEntry[];
  changed: ChangedEntry[];
  removed: DiffEntry[];
  /** Entries the incoming document names that are already as it says. */
  unchanged: number;
}

/**
 * The changes that make `current` say what `incoming` says, compared field by field in normalised
 * form (so defaults and list order are no changes). An import is an upsert by key: entries absent
 * from `incoming` are removed only with `prune`, and a section `incoming` leaves out entirely is left
 * alone unless `prune`, when it is emptied.
 */
export function diffInventories(current: InventoryDocument, incoming: InventoryDocument, options: { prune: boolean }): InventoryDiff {
  const before = normaliseInventory(current);
  const after = normaliseInventory(incoming);
  const diff: InventoryDiff = { added: [], changed: [], removed: [], unchanged: 0 };
  for (const section of INVENTORY_SECTIONS) {
    if (after[section] === undefined && !options.prune) continue;
    diffSection(section, before[section] ?? [], after[section] ?? [], options.prune, diff);
  }
  return diff;
}

function diffSection(section: InventorySection, before: readonly SectionEntry[], after: readonly SectionEntry[], prune: boolean, diff: InventoryDiff): void {
  const currentByKey = new Map(before.map((entry) => [entryKey(entry), entry]));
  for (const entry of after) {
    const key = entryKey(entry);
    const existing = currentByKey.get(key);
    if (existing === undefined) {
      diff.added.push({ section, key });
      continue;
    }
    const fields = changedFields(existing, entry);
    if (fields.length > 0) diff.changed.push({ section, key, fields });
    else diff.unchanged += 1;
  }
  if (!prune) return;
  const incomingKeys = new Set(after.map(entryKey));
  for (const key of currentByKey.keys()) if (!incomingKeys.has(key)) diff.removed.push({ section, key });
}

/**
 * Fields whose values differ. Both entries are normalised: they have the same fields, in the same
 * order at every depth, so equal values serialise alike.
 */
function changedFields(before: SectionEntry, after: SectionEntry): FieldChange[] {
  const beforeFields = before as unknown as Record<string, unknown>;
  const afterFields = after as unknown as Record<string, unknown>;
  return Object.keys(afterFields)
    .filter((field) => JSON.stringify(beforeFields[field]) !== JSON.stringify(afterFields[field]))
    .map((field) => ({ field, before: beforeFields[field], after: afterFields[field] }));
}
