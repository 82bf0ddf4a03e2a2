import type { DataSource, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { duplicateKey, notFound, ProblemList, stillReferenced, versionConflict } from '../../common/errors';
import { idsByKey } from './key-lookup';
import { inWriteScope, recordRegistryChanges, type WriteScope } from './registry-change';
import type { RegistryKind } from './registry-kind';

/** Drops the fields a patch leaves out, so that `{ ...current, ...patch }` keeps them. */
function definedFields<T extends object>(patch: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * Locks the row and reads its version; undefined when it is gone. The id was found before the lock
 * was taken, so a delete that committed while this waited for the lock leaves nothing to lock.
 */
async function lockedVersion(scope: WriteScope, table: string, id: string): Promise<number | undefined> {
  const [row] = (await scope.manager.query(`SELECT version FROM ${table} WHERE id = $1 FOR UPDATE`, [id])) as {
    version: number;
  }[];
  return row?.version;
}

async function requireId<E extends { key: string }>(scope: WriteScope, kind: RegistryKind<E>, key: string): Promise<string> {
  const id = (await idsByKey(scope.manager, kind.table, [key])).get(key);
  if (id === undefined) throw notFound(kind.label, 'key', key);
  return id;
}

async function checkVersion<E extends { key: string }>(
  scope: WriteScope,
  kind: RegistryKind<E>,
  id: string,
  key: string,
  expectedVersion: number | null | undefined,
): Promise<void> {
  const current = await lockedVersion(scope, kind.table, id);
  if (current === undefined) throw notFound(kind.label, 'key', key);
  if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== current) {
    throw versionConflict(kind.label, key, current);
  }
}

/** Validates and writes a new entry (or replaces `existingId`); throws one error listing every problem. */
export async function saveEntry<E extends { key: string }>(
  scope: WriteScope,
  kind: RegistryKind<E>,
  entry: E,
  existingId: string | null,
  at: string,
  deferCrossChecks = false,
): Promise<string> {
  const holder = (await idsByKey(scope.manager, kind.table, [entry.key])).get(entry.key);
  if (holder !== undefined && holder !== existingId) throw duplicateKey(kind.label, `${at}.key`, entry.key);
  const problems = new ProblemList();
  await kind.validate(scope.manager, entry, { problems, at, existingId, deferCrossChecks });
  problems.throwIfAny();
  return kind.write(scope.manager, entry, existingId);
}

export async function createEntry<E extends { key: string }>(scope: WriteScope, kind: RegistryKind<E>, entry: E): Promise<string> {
  const id = await saveEntry(scope, kind, entry, null, 'input');
  await recordRegistryChanges(scope, [{ operation: 'create', entityType: kind.table, entityKey: entry.key, before: null, after: entry }]);
  return id;
}

export async function updateEntry<E extends { key: string }>(
  scope: WriteScope,
  kind: RegistryKind<E>,
  key: string,
  patch: Partial<E>,
  expectedVersion?: number | null,
): Promise<string> {
  const id = await requireId(scope, kind, key);
  await checkVersion(scope, kind, id, key, expectedVersion);
  const before = (await kind.readEntries(scope.manager, [id])).get(id) as E;
  await saveEntry(scope, kind, { ...before, ...definedFields(patch) }, id, 'input');
  // Read back rather than the merged patch: a write may derive what it stores (a party's country periods).
  const after = (await kind.readEntries(scope.manager, [id])).get(id) as E;
  await recordRegistryChanges(scope, [{ operation: 'update', entityType: kind.table, entityKey: after.key, before, after }]);
  return id;
}

export async function deleteEntry<E extends { key: string }>(
  scope: WriteScope,
  kind: RegistryKind<E>,
  key: string,
  expectedVersion?: number | null,
): Promise<E> {
  const id = await requireId(scope, kind, key);
  await checkVersion(scope, kind, id, key, expectedVersion);
  const referrers = await kind.referrers(scope.manager, id);
  if (referrers.length > 0) throw stillReferenced(kind.label, key, referrers);
  const before = (await kind.readEntries(scope.manager, [id])).get(id) as E;
  await scope.manager.query(`DELETE FROM ${kind.table} WHERE id = $1`, [id]);
  await recordRegistryChanges(scope, [{ operation: 'delete', entityType: kind.table, entityKey: key, before, after: null }]);
  return before;
}

/** The create, update and delete use cases of one kind, each in its own transaction, returning the stored row. */
export function registryWrites<E extends { key: string }, Row extends ObjectLiteral & { id: string }>(
  kind: RegistryKind<E>,
  entity: EntityTarget<Row>,
) {
  // Read in the transaction that wrote it: after the commit, a concurrent delete could already have removed it.
  const load = (scope: WriteScope, id: string): Promise<Row> => scope.manager.getRepository(entity).findOneByOrFail({ id } as FindOptionsWhere<Row>);
  return {
    create(dataSource: DataSource, actor: string, input: E): Promise<Row> {
      return inWriteScope(dataSource, actor, async (scope) => load(scope, await createEntry(scope, kind, input)));
    },
    update(dataSource: DataSource, actor: string, key: string, patch: Partial<E>, expectedVersion?: number | null): Promise<Row> {
      return inWriteScope(dataSource, actor, async (scope) => load(scope, await updateEntry(scope, kind, key, patch, expectedVersion)));
    },
    remove(dataSource: DataSource, actor: string, key: string, expectedVersion?: number | null): Promise<E> {
      return inWriteScope(dataSource, actor, (scope) => deleteEntry(scope, kind, key, expectedVersion));
    },
  };
}

/** One row by id or by key (id wins when both are given). */
export function findByIdOrKey<Row extends ObjectLiteral & { id: string; key: string }>(
  dataSource: DataSource,
  entity: EntityTarget<Row>,
  by: { id?: string | null; key?: string | null },
): Promise<Row | null> {
  if (!by.id && !by.key) return Promise.resolve(null);
  const where = (by.id ? { id: by.id } : { key: by.key }) as FindOptionsWhere<Row>;
  return dataSource.getRepository(entity).findOneBy(where);
}
