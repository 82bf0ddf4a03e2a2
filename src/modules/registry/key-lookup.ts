import type { EntityManager } from 'typeorm';

export type KeyedTable = 'party' | 'data_category' | 'subject_category' | 'activity' | 'flow';

export const KEY_PATTERN = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/** Ids of the rows with these keys, in one query; keys not found are absent from the map. */
export async function idsByKey(manager: EntityManager, table: KeyedTable, keys: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return new Map();
  const rows = (await manager.query(`SELECT id, key FROM ${table} WHERE key = ANY($1::text[])`, [unique])) as {
    id: string;
    key: string;
  }[];
  return new Map(rows.map((row) => [row.key, row.id]));
}
