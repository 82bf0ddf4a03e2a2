import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { groupBy } from './collections';

/**
 * Loads lists by owner id in one query per batch. `sql` takes the owner ids as $1 (uuid[]) and
 * returns an `owner_id` column with each row.
 */
export function listLoader<Raw extends { owner_id: string }, Item>(
  dataSource: DataSource,
  sql: string,
  toItem: (raw: Raw) => Item,
): DataLoader<string, Item[]> {
  return new DataLoader(async (ownerIds) => {
    const rows = (await dataSource.query(sql, [ownerIds])) as Raw[];
    const byOwner = groupBy(rows, (row) => row.owner_id);
    return ownerIds.map((id) => (byOwner.get(id) ?? []).map(toItem));
  });
}

/** Loads entities by id in one query per batch. */
export function entityLoader<E extends ObjectLiteral & { id: string }>(
  dataSource: DataSource,
  entity: EntityTarget<E>,
): DataLoader<string, E | null> {
  return new DataLoader(async (ids) => {
    const rows = await dataSource.getRepository(entity).createQueryBuilder('row').where('row.id IN (:...ids)', { ids }).getMany();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Loads, for each value of `property`, the entities having it, ordered by `orderBy`. */
export function entitiesByLoader<E extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<E>,
  property: keyof E & string,
  orderBy: keyof E & string = 'key',
): DataLoader<string, E[]> {
  return new DataLoader(async (values) => {
    const rows = await dataSource
      .getRepository(entity)
      .createQueryBuilder('row')
      .where(`row.${property} IN (:...values)`, { values })
      .orderBy(`row.${orderBy}`)
      .getMany();
    const byValue = groupBy(rows, (row) => row[property] as string);
    return values.map((value) => byValue.get(value) ?? []);
  });
}

/** Loads many ids and drops those not found; a failed load is rethrown rather than returned. */
export async function loadExisting<T>(loader: DataLoader<string, T | null>, ids: readonly string[]): Promise<T[]> {
  const results = await loader.loadMany(ids);
  return results.filter((result): result is T => {
    if (result instanceof Error) throw result;
    return result !== null;
  });
}
