import type { EntityManager } from 'typeorm';

/** Replaces the rows of a link table that belong to one owner. */
export async function replaceLinks(
  manager: EntityManager,
  link: { table: string; ownerColumn: string; valueColumn: string; valueType: 'uuid' | 'text' },
  ownerId: string,
  values: string[],
): Promise<void> {
  await manager.query(`DELETE FROM ${link.table} WHERE ${link.ownerColumn} = $1`, [ownerId]);
  if (values.length === 0) return;
  await manager.query(
    `INSERT INTO ${link.table} (${link.ownerColumn}, ${link.valueColumn}) SELECT $1, unnest($2::${link.valueType}[])`,
    [ownerId, [...new Set(values)]],
  );
}

/** Rows of a link table grouped by owner, values sorted. */
export async function readLinks(
  manager: EntityManager,
  link: { table: string; ownerColumn: string; valueColumn: string },
  ownerIds: string[] | null,
): Promise<Map<string, string[]>> {
  const rows = (await manager.query(
    `SELECT ${link.ownerColumn} AS owner_id, ${link.valueColumn} AS value FROM ${link.table}
     ${ownerIds ? `WHERE ${link.ownerColumn} = ANY($1::uuid[])` : ''} ORDER BY 2`,
    ownerIds ? [ownerIds] : [],
  )) as { owner_id: string; value: string }[];
  const byOwner = new Map<string, string[]>();
  for (const row of rows) {
    const list = byOwner.get(row.owner_id) ?? [];
    list.push(row.value);
    byOwner.set(row.owner_id, list);
  }
  return byOwner;
}
