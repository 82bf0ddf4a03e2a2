import type { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, FlowmapError, ProblemList } from '../../common/errors';
import { activityKind, flowsNotCovered } from '../activity/activity.store';
import type { Change } from '../audit/audit-log';
import { dataCategoryKind } from '../data-category/data-category.store';
import { flowKind } from '../flow/flow.store';
import { partyKind } from '../party/party.store';
import { personIdOf } from '../person/person-id';
import { MAX_PERSONS_PER_BATCH, notePersonsChanged } from '../person/person.store';
import { upsertPersonsIn } from '../person/person.service';
import { idsByKey } from '../registry/key-lookup';
import { recordRegistryChanges, type WriteScope } from '../registry/registry-change';
import type { RegistryKind } from '../registry/registry-kind';
import { saveEntry } from '../registry/registry-service';
import { subjectCategoryKind } from '../subject-category/subject-category.store';
import { diffInventories, type DiffEntry, type InventoryDiff } from './diff-inventory';
import { entryKey, type InventoryDocument, type PersonEntry, type SectionEntry } from './inventory-document';
import { readInventory } from './inventory-export.service';
import { InventoryFileErrorCode, type InventoryFileError } from './inventory-file-error';
import { normaliseInventory } from './normalise-inventory';
import { parseInventoryFile, type InventoryFileFormat } from './parse-inventory-file';

type RegistrySection = 'subjectCategories' | 'dataCategories' | 'parties' | 'activities' | 'flows';

const KINDS: Record<RegistrySection, RegistryKind<{ key: string }>> = {
  subjectCategories: subjectCategoryKind as RegistryKind<{ key: string }>,
  dataCategories: dataCategoryKind as RegistryKind<{ key: string }>,
  parties: partyKind as RegistryKind<{ key: string }>,
  activities: activityKind as RegistryKind<{ key: string }>,
  flows: flowKind as RegistryKind<{ key: string }>,
};

/** Sections in the order they are written: what an entry refers to is written before it. */
const WRITE_ORDER: readonly RegistrySection[] = ['subjectCategories', 'dataCategories', 'parties', 'activities', 'flows'];

export interface ImportOptions {
  dryRun: boolean;
  prune: boolean;
  /** Told how many persons are written so far, for long imports. */
  onPersonProgress?: (written: number, total: number) => void;
}

export interface ImportOutcome {
  /** Whether the changes were committed (false for a dry run or a rejected file). */
  applied: boolean;
  diff: InventoryDiff | null;
  errors: InventoryFileError[];
}

/** Thrown inside the transaction to roll a dry run back once its outcome is known. */
class DryRunRollback extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('dry run');
  }
}

/** Within a section, entries that others of the same section refer to (parents, engagers) come first. */
function dependencyOrdered(section: RegistrySection, entries: SectionEntry[]): SectionEntry[] {
  const reference = (entry: SectionEntry): string | null =>
    section === 'dataCategories' ? ((entry as { parent?: string | null }).parent ?? null)
    : section === 'parties' ? ((entry as { engagedBy?: string | null }).engagedBy ?? null)
    : null;
  const byKey = new Map(entries.map((entry) => [entryKey(entry), entry]));
  const ordered: SectionEntry[] = [];
  const placed = new Set<string>();
  const place = (entry: SectionEntry): void => {
    const key = entryKey(entry);
    if (placed.has(key)) return;
    placed.add(key);
    const dependency = reference(entry);
    const dependencyEntry = dependency === null ? undefined : byKey.get(dependency);
    if (dependencyEntry) place(dependencyEntry);
    ordered.push(entry);
  };
  entries.forEach(place);
  return ordered;
}

/** A problem the services found (field paths like '/flows/3.dataCategories[0]') as a file error. */
function asFileErrors(error: unknown): InventoryFileError[] | null {
  if (!(error instanceof FlowmapError)) return null;
  const field = String(error.extensions.field ?? '');
  const problems = (error.extensions.problems as { field: string; message: string }[] | undefined) ?? [
    { field, message: error.message.startsWith(`${field}: `) ? error.message.slice(field.length + 2) : error.message },
  ];
  return problems.map((problem) => ({
    path: problem.field.replace(/\[(\d+)\]/g, '/$1').replace(/\./g, '/'),
    line: null,
    column: null,
    code: error.extensions.code === ErrorCode.STILL_REFERENCED ? InventoryFileErrorCode.UNKNOWN_REFERENCE : InventoryFileErrorCode.SCHEMA_VIOLATION,
    message: problem.message,
  }));
}

async function writeRegistryEntries(scope: WriteScope, document: InventoryDocument, diff: InventoryDiff): Promise<Change[]> {
  const changes: Change[] = [];
  const touched = new Set([...diff.added, ...diff.changed].map((entry) => `${entry.section}/${entry.key}`));
  for (const section of WRITE_ORDER) {
    const kind = KINDS[section];
    const entries = document[section] ?? [];
    const positions = new Map(entries.map((entry, index) => [entry.key, index]));
    const toWrite = dependencyOrdered(section, entries.filter((entry) => touched.has(`${section}/${entry.key}`)));
    for (const entry of toWrite) {
      const key = entryKey(entry);
      const existingId = (await idsByKey(scope.manager, kind.table, [key])).get(key) ?? null;
      await saveEntry(scope, kind, entry as { key: string }, existingId, `/${section}/${positions.get(key)}`, true);
      changes.push({ operation: existingId ? 'update' : 'create', entityType: kind.table, entityKey: key, before: null, after: entry });
    }
  }
  return changes;
}

/** Removes what a prune drops, what refers to others first; rows that refer to each other go in one statement. */
async function removeRegistryEntries(scope: WriteScope, diff: InventoryDiff): Promise<Change[]> {
  const changes: Change[] = [];
  const removed = diff.removed.filter((entry) => entry.section !== 'persons');
  for (const section of [...WRITE_ORDER].reverse()) {
    const kind = KINDS[section];
    const keys = removed.filter((entry) => entry.section === section).map((entry) => entry.key);
    if (keys.length === 0) continue;
    await scope.manager.query(`DELETE FROM ${kind.table} WHERE key = ANY($1::text[])`, [keys]).catch((error: { code?: string; detail?: string }) => {
      if (error.code !== '23503') throw error;
      throw new FlowmapError(ErrorCode.STILL_REFERENCED, `/${section}: cannot remove ${keys.map((key) => `'${key}'`).join(', ')}: ${error.detail ?? 'still referred to'}`, {
        field: `/${section}`,
      });
    });
    changes.push(...keys.map((key) => ({ operation: 'delete', entityType: kind.table, entityKey: key, before: null, after: null })));
  }
  return changes;
}

/** The check each activity write left to the end: once every flow is written, each carries only what its activity covers. */
async function checkFlowsCovered(manager: EntityManager, diff: InventoryDiff): Promise<void> {
  const activityKeys = [...diff.added, ...diff.changed].filter((entry) => entry.section === 'activities').map((entry) => entry.key);
  const activityIds = [...(await idsByKey(manager, 'activity', activityKeys)).values()];
  const problems = new ProblemList();
  for (const message of await flowsNotCovered(manager, activityIds)) problems.add('/activities', message);
  problems.throwIfAny();
}

/**
 * Removes the persons the file no longer names, and the consents of those it changes (written again
 * with the persons), before the activities and flows they point at may be removed.
 */
async function removePersons(scope: WriteScope, diff: InventoryDiff): Promise<void> {
  const idsIn = (entries: DiffEntry[]): string[] => entries.filter((entry) => entry.section === 'persons').map((entry) => personIdOf(entry.key));
  const removed = idsIn(diff.removed);
  if (removed.length > 0) {
    await scope.manager.query('DELETE FROM person WHERE id = ANY($1::uuid[])', [removed]);
    await notePersonsChanged(scope.manager);
  }
  const changed = idsIn(diff.changed);
  if (changed.length > 0) await scope.manager.query('DELETE FROM consent WHERE person_id = ANY($1::uuid[])', [changed]);
}

async function writePersons(scope: WriteScope, document: InventoryDocument, diff: InventoryDiff, options: ImportOptions): Promise<void> {
  const touched = new Set([...diff.added, ...diff.changed].filter((entry) => entry.section === 'persons').map((entry) => entry.key));
  const persons: PersonEntry[] = (document.persons ?? []).filter((person) => touched.has(person.externalId));
  for (let start = 0; start < persons.length; start += MAX_PERSONS_PER_BATCH) {
    await upsertPersonsIn(scope.manager, scope.actor, persons.slice(start, start + MAX_PERSONS_PER_BATCH), '/persons');
    options.onPersonProgress?.(Math.min(start + MAX_PERSONS_PER_BATCH, persons.length), persons.length);
  }
}

/** Persons are optional in a file: a file that lists none leaves the stored persons alone, even with prune. */
function withoutUnnamedPersonRemovals(diff: InventoryDiff, document: InventoryDocument): InventoryDiff {
  if (document.persons !== undefined) return diff;
  return { ...diff, removed: diff.removed.filter((entry) => entry.section !== 'persons') };
}

async function writeOrganisation(manager: EntityManager, document: InventoryDocument): Promise<void> {
  if (document.organisation === undefined) return;
  if (document.organisation === null) {
    await manager.query('DELETE FROM organisation');
    return;
  }
  await manager.query(
    `INSERT INTO organisation (id, name, policy) VALUES (true, $1, $2)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, policy = EXCLUDED.policy`,
    [document.organisation.name, JSON.stringify(document.organisation.policy ?? null)],
  );
}

// Any fixed number: one import at a time, so that each sees the map the previous one left.
const IMPORT_LOCK_ID = 727_274_003;

/**
 * Makes the registry say what the document says: an upsert by key, all or nothing, in one
 * transaction. A dry run does the same work and rolls it back, so it reports exactly what a real
 * run would do. `afterApply` sees the transaction with the changes in place (for findings).
 */
export async function importInventoryDocument<Extra>(
  dataSource: DataSource,
  actor: string,
  incoming: InventoryDocument,
  options: ImportOptions,
  afterApply: (manager: EntityManager, diff: InventoryDiff) => Promise<Extra>,
): Promise<ImportOutcome & { extra: Extra | null }> {
  const document = normaliseInventory(incoming);
  try {
    return await dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK_ID]);
      const current = await readInventory(manager, { includePersons: document.persons !== undefined });
      const diff = withoutUnnamedPersonRemovals(diffInventories(current, document, { prune: options.prune }), document);
      const scope: WriteScope = { manager, actor };
      // Entries are written before any is removed, so that what stays refers to what it will refer
      // to; persons go around the registry's removals because their consents point into it.
      await removePersons(scope, diff);
      const changes = await writeRegistryEntries(scope, document, diff);
      await writePersons(scope, document, diff, options);
      changes.push(...(await removeRegistryEntries(scope, diff)));
      await checkFlowsCovered(manager, diff);
      await writeOrganisation(manager, document);
      await recordRegistryChanges(scope, [
        ...changes,
        {
          operation: options.dryRun ? 'importDryRun' : 'import',
          entityType: 'inventory',
          entityKey: document.organisation?.name ?? 'inventory',
          before: null,
          after: { added: diff.added.length, changed: diff.changed.length, removed: diff.removed.length },
        },
      ]);
      const extra = await afterApply(manager, diff);
      const outcome = { applied: !options.dryRun, diff, errors: [], extra };
      if (options.dryRun) throw new DryRunRollback(outcome);
      return outcome;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.outcome as ImportOutcome & { extra: Extra };
    const errors = asFileErrors(error);
    if (errors) return { applied: false, diff: null, errors, extra: null };
    throw error;
  }
}

/** Parses an inventory file and imports it; a bad file is rejected with every error, nothing written. */
export async function importInventoryFile<Extra>(
  dataSource: DataSource,
  actor: string,
  text: string,
  format: InventoryFileFormat,
  options: ImportOptions,
  afterApply: (manager: EntityManager, diff: InventoryDiff) => Promise<Extra>,
): Promise<ImportOutcome & { extra: Extra | null }> {
  const parsed = parseInventoryFile(text, format);
  if ('errors' in parsed) return { applied: false, diff: null, errors: parsed.errors, extra: null };
  return importInventoryDocument(dataSource, actor, parsed.document, options, afterApply);
}
