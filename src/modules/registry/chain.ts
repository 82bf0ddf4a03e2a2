import type { EntityManager } from 'typeorm';

/**
 * Whether following `link` upwards from `startId` (a parent category, an engaging processor)
 * reaches `targetId`: pointing `targetId` at `startId` would then close a loop.
 */
export async function chainReaches(
  manager: EntityManager,
  link: { table: 'party' | 'data_category'; column: 'engaged_by_id' | 'parent_id' },
  startId: string,
  targetId: string,
): Promise<boolean> {
  const rows = (await manager.query(
    `WITH RECURSIVE chain(id) AS (
       SELECT $1::uuid UNION SELECT row.${link.column} FROM ${link.table} row JOIN chain ON row.id = chain.id WHERE row.${link.column} IS NOT NULL)
     SELECT 1 FROM chain WHERE id = $2::uuid`,
    [startId, targetId],
  )) as unknown[];
  return rows.length > 0;
}
