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
import { entryKey, type InventoryDocument, type PersonEntry, type SectionEntry } from '../../domain/inventory-document';
import { readInventory } from './inventory-export.service';
import { InventoryFileErrorCode, type InventoryFileError } from './inventory-file-error';
import { normaliseInventory } from './normalise-inventory';
import type { InventoryTextLimits } from './measure-inventory-text';
import { parseInventoryFile, type InventoryFileFormat, type InventoryParseWarning, type ParsedInventoryFile } from './parse-inventory-file';
import { parseInventoryFileOffThread, ParseOutOfMemory } from './parse-off-thread';

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
  /**
   * Throws when the caller may not import this document (normalised, as it will be applied): the
   * access policy's check of a persons section. Called before anything is read or written.
   */
  authorizeDocument?: (document: InventoryDocument) => void;
  /** Told of the YAML parser's warnings, by code and place only. */
  onParseWarning?: (warning: InventoryParseWarning) => void;
  /** Limits of the file's nesting and size; the defaults of measureInventoryText otherwise. */
  textLimits?: InventoryTextLimits;
  /** Parse a large file on a worker thread (a server, whose event loop serves others meanwhile). */
  parseOffThread?: boolean;
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
/** What the registry's writes refuse is a fault of the file; a timeout or a lost connection is not. */
const FILE_FAULT_CODES: readonly string[] = [ErrorCode.BAD_USER_INPUT, ErrorCode.NOT_FOUND, ErrorCode.DUPLICATE_KEY, ErrorCode.STILL_REFERENCED, ErrorCode.VERSION_CONFLICT];

function asFileErrors(error: unknown): InventoryFileError[] | null {
  if (!(error instanceof FlowmapError) || !FILE_FAULT_CODES.includes(String(error.extensions.code))) return null;
  const field = String(error.extensions.field ?? '');
  const problems = (error.extensions.problems as { field: string; message: string }[] | undefined) ?? [
    { field, message: error.message.startsWith(`${field}: `) ? error.message.slice(field.length + 2) : error.message },
  ];
  return problems.map((problem) => ({
    path: problem.field.replace(/\[(\d+)\]/g, '/$1').replace(/\./g, '/'),
    line: null,
    column: null,
    code: error.extensions.code === ErrorCode.STILL_REFERENCED ? InventoryFileErrorCode.STILL_REFERENCED : InventoryFileErrorCode.SCHEMA_VIOLATION,
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

const SECTION_LABELS: Readonly<Record<RegistrySection, string>> = {
  subjectCategories: 'subject category',
  dataCategories: 'data category',
  parties: 'party',
  activities: 'activity',
  flows: 'flow',
};

/**
 * Rows outside the file that may still point at what a prune removes, by the foreign key that
 * refuses the removal. Only these can: whatever else refers to a removed entry is in the file (and
 * validated there) or is pruned with it.
 */
const OUTSIDE_REFERRERS: Readonly<Record<string, { table: string; column: string; what: string }>> = {
  consent_activity_id_fkey: { table: 'consent', column: 'activity_id', what: 'consent(s) of stored persons refer to it' },
  consent_flow_id_fkey: { table: 'consent', column: 'flow_id', what: 'consent(s) of stored persons refer to it' },
  person_subject_category_subject_category_id_fkey: { table: 'person_subject_category', column: 'subject_category_id', what: 'stored person(s) are in it' },
};

interface ForeignKeyViolation {
  code?: string;
  constraint?: string;
  detail?: string;
}

/**
 * A removal refused by a foreign key, as a message that names the entry and what refers to it
 * (how many, not who: the caller may be an EDITOR, who may not read persons), never PostgreSQL's
 * own text, which quotes row ids.
 */
async function stillReferenced(manager: EntityManager, section: RegistrySection, keys: string[], error: ForeignKeyViolation): Promise<FlowmapError> {
  const referrer = OUTSIDE_REFERRERS[error.constraint ?? ''];
  const id = /Key \(id\)=\(([0-9a-f-]{36})\)/.exec(error.detail ?? '')?.[1];
  let entry = keys.map((key) => `'${key}'`).join(', ');
  let what = 'something the file does not name still refers to it';
  if (id !== undefined) {
    const [row] = (await manager.query(`SELECT key FROM ${KINDS[section].table} WHERE id = $1`, [id])) as { key: string }[];
    if (row) entry = `'${row.key}'`;
    if (referrer) {
      const [{ n }] = (await manager.query(`SELECT count(*)::int AS n FROM ${referrer.table} WHERE ${referrer.column} = $1`, [id])) as { n: number }[];
      what = `${n} ${referrer.what}`;
    }
  }
  return new FlowmapError(
    ErrorCode.STILL_REFERENCED,
    `/${section}: cannot remove ${SECTION_LABELS[section]} ${entry}: ${what}; keep it in the file, or change what refers to it first`,
    { field: `/${section}` },
  );
}

/** Removes what a prune drops, what refers to others first; rows that refer to each other go in one statement. */
async function removeRegistryEntries(scope: WriteScope, diff: InventoryDiff): Promise<Change[]> {
  const changes: Change[] = [];
  const removed = diff.removed.filter((entry) => entry.section !== 'persons');
  for (const section of [...WRITE_ORDER].reverse()) {
    const kind = KINDS[section];
    const keys = removed.filter((entry) => entry.section === section).map((entry) => entry.key);
    if (keys.length === 0) continue;
    // A savepoint, so that the statement's failure leaves the transaction usable to explain it.
    await scope.manager.query('SAVEPOINT prune');
    try {
      await scope.manager.query(`DELETE FROM ${kind.table} WHERE key = ANY($1::text[])`, [keys]);
    } catch (error) {
      if ((error as ForeignKeyViolation).code !== '23503') throw error;
      await scope.manager.query('ROLLBACK TO SAVEPOINT prune');
      throw await stillReferenced(scope.manager, section, keys, error as ForeignKeyViolation);
    }
    await scope.manager.query('RELEASE SAVEPOINT prune');
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
 * with the persons), before the activities and flows they point at may be removed. Each person
 * erased gets an audit entry of its own, as erasePerson writes one, named by external id only: a
 * prune is an erasure of each of them (GDPR Art. 17), and the record of it must say whose.
 */
async function removePersons(scope: WriteScope, diff: InventoryDiff): Promise<Change[]> {
  const personsIn = (entries: DiffEntry[]): string[] => entries.filter((entry) => entry.section === 'persons').map((entry) => entry.key);
  const changes: Change[] = [];
  const removed = personsIn(diff.removed);
  if (removed.length > 0) {
    const ids = removed.map(personIdOf);
    const consentRows = (await scope.manager.query(
      'SELECT person_id::text AS person_id, count(*)::int AS n FROM consent WHERE person_id = ANY($1::uuid[]) GROUP BY person_id',
      [ids],
    )) as { person_id: string; n: number }[];
    const consents = new Map(consentRows.map((row) => [row.person_id, row.n]));
    // As a SELECT, so that the driver answers with the rows (a DELETE answers with rows and a count).
    const erased = (await scope.manager.query(
      'WITH erased AS (DELETE FROM person WHERE id = ANY($1::uuid[]) RETURNING id, external_id) SELECT id::text AS id, external_id FROM erased',
      [ids],
    )) as {
      id: string;
      external_id: string;
    }[];
    erased.sort((a, b) => (a.external_id < b.external_id ? -1 : a.external_id > b.external_id ? 1 : 0));
    for (const person of erased) {
      changes.push({
        operation: 'erase',
        entityType: 'person',
        entityKey: person.external_id,
        before: null,
        after: { personsDeleted: 1, consentsDeleted: consents.get(person.id) ?? 0 },
      });
    }
    await notePersonsChanged(scope.manager);
  }
  const changed = personsIn(diff.changed).map(personIdOf);
  if (changed.length > 0) await scope.manager.query('DELETE FROM consent WHERE person_id = ANY($1::uuid[])', [changed]);
  return changes;
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
    `INSERT INTO organisation (id, name, policy, contact, dpo, representatives) VALUES (true, $1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, policy = EXCLUDED.policy, contact = EXCLUDED.contact,
       dpo = EXCLUDED.dpo, representatives = EXCLUDED.representatives`,
    [
      document.organisation.name,
      JSON.stringify(document.organisation.policy ?? null),
      document.organisation.contact ?? null,
      JSON.stringify(document.organisation.dpo ?? null),
      JSON.stringify(document.organisation.representatives ?? []),
    ],
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
  options.authorizeDocument?.(document);
  try {
    return await dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK_ID]);
      const current = await readInventory(manager, { includePersons: document.persons !== undefined });
      const diff = withoutUnnamedPersonRemovals(diffInventories(current, document, { prune: options.prune }), document);
      const scope: WriteScope = { manager, actor };
      // Entries are written before any is removed, so that what stays refers to what it will refer
      // to; persons go around the registry's removals because their consents point into it.
      const changes = await removePersons(scope, diff);
      changes.push(...(await writeRegistryEntries(scope, document, diff)));
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
  const parseOptions = { limits: options.textLimits, onWarning: options.onParseWarning };
  let parsed: ParsedInventoryFile;
  try {
    parsed = options.parseOffThread ? await parseInventoryFileOffThread(text, format, parseOptions) : parseInventoryFile(text, format, parseOptions);
  } catch (error) {
    if (!(error instanceof ParseOutOfMemory)) throw error;
    const message = 'file: needs more memory to parse than an import may use; split the file, or import it with the flowmap CLI';
    return { applied: false, diff: null, errors: [{ path: '', line: null, column: null, code: InventoryFileErrorCode.TOO_COMPLEX, message }], extra: null };
  }
  if ('errors' in parsed) return { applied: false, diff: null, errors: parsed.errors, extra: null };
  return importInventoryDocument(dataSource, actor, parsed.document, options, afterApply);
}
