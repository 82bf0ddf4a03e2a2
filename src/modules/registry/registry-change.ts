import type { DataSource, EntityManager } from 'typeorm';
import { recordChanges, type Change } from '../audit/audit-log';

/** What a write needs: the transaction it runs in and who is making it. */
export interface WriteScope {
  manager: EntityManager;
  actor: string;
}

/**
 * Records changes to the data map: audit entries plus a new inventory revision, which tells every
 * API instance that its cached copy of the inventory is stale.
 */
export async function recordRegistryChanges(scope: WriteScope, changes: Change[]): Promise<void> {
  if (changes.length === 0) return;
  await recordChanges(scope.manager, scope.actor, changes);
  await scope.manager.query('UPDATE inventory_revision SET revision = revision + 1, changed_at = now()');
}

/** Runs one use case in one transaction: every write and its audit entries commit together or not at all. */
export function inWriteScope<T>(dataSource: DataSource, actor: string, work: (scope: WriteScope) => Promise<T>): Promise<T> {
  return dataSource.transaction((manager) => work({ manager, actor }));
}
