import type { EntityManager } from 'typeorm';
import type { DataCategoryEntry } from '../../domain/inventory-document';
import { validateKey, validateName } from '../registry/entry-validation';
import { chainReaches } from '../registry/chain';
import { idsByKey } from '../registry/key-lookup';
import type { RegistryKind, ValidationContext } from '../registry/registry-kind';
import { DataCategoryEntity } from './data-category.entity';

/** Dotted lowercase segments: 'contact.email', 'biometric.face'. */
export const CATEGORY_KEY_PATTERN = /^(?=.{1,100}$)[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)*$/;

async function validateDataCategory(manager: EntityManager, entry: DataCategoryEntry, { problems, at, existingId }: ValidationContext): Promise<void> {
  validateKey(entry.key, `${at}.key`, problems, CATEGORY_KEY_PATTERN);
  validateName(entry.name, `${at}.name`, problems);
  const parent = entry.parent ?? null;
  if (parent === null) return;
  const parentId = (await idsByKey(manager, 'data_category', [parent])).get(parent);
  if (parentId === undefined) problems.add(`${at}.parent`, `no data category '${parent}'`);
  else if (existingId !== null && (await chainReaches(manager, { table: 'data_category', column: 'parent_id' }, parentId, existingId))) {
    problems.add(`${at}.parent`, `'${parent}' is '${entry.key}' or below it: the category tree would have a cycle`);
  }
}

async function readDataCategories(manager: EntityManager, ids?: string[]): Promise<Map<string, DataCategoryEntry>> {
  const rows = (await manager.query(
    `SELECT c.*, p.key AS parent_key FROM data_category c LEFT JOIN data_category p ON p.id = c.parent_id
     ${ids ? 'WHERE c.id = ANY($1::uuid[])' : ''} ORDER BY c.key`,
    ids ? [ids] : [],
  )) as { id: string; key: string; name: string; parent_key: string | null; gdpr_special: boolean; pipl_sensitive: boolean; description: string | null }[];
  return new Map(
    rows.map((row) => [
      row.id,
      {
        key: row.key,
        name: row.name,
        parent: row.parent_key,
        gdprSpecial: row.gdpr_special,
        piplSensitive: row.pipl_sensitive,
        description: row.description,
      },
    ]),
  );
}

async function writeDataCategory(manager: EntityManager, entry: DataCategoryEntry, existingId: string | null): Promise<string> {
  const parentId = entry.parent ? ((await idsByKey(manager, 'data_category', [entry.parent])).get(entry.parent) ?? null) : null;
  const row = {
    key: entry.key,
    name: entry.name,
    parentId,
    gdprSpecial: entry.gdprSpecial ?? false,
    piplSensitive: entry.piplSensitive ?? false,
    description: entry.description ?? null,
  };
  if (existingId) {
    await manager.update(DataCategoryEntity, existingId, row);
    return existingId;
  }
  return (await manager.insert(DataCategoryEntity, row)).identifiers[0].id as string;
}

async function dataCategoryReferrers(manager: EntityManager, id: string): Promise<string[]> {
  const rows = (await manager.query(
    `SELECT 'data category' AS what, key FROM data_category WHERE parent_id = $1
     UNION ALL SELECT 'activity', a.key FROM activity_data_category l JOIN activity a ON a.id = l.activity_id WHERE l.data_category_id = $1
     UNION ALL SELECT 'flow', f.key FROM flow_data_category l JOIN flow f ON f.id = l.flow_id WHERE l.data_category_id = $1
     ORDER BY 1, 2 LIMIT 20`,
    [id],
  )) as { what: string; key: string }[];
  return rows.map((row) => `${row.what} '${row.key}'`);
}

export const dataCategoryKind: RegistryKind<DataCategoryEntry> = {
  table: 'data_category',
  label: 'data category',
  readEntries: readDataCategories,
  validate: validateDataCategory,
  write: writeDataCategory,
  referrers: dataCategoryReferrers,
};

/** For each category id, itself and every category above it. */
export async function categoryLineages(manager: EntityManager, categoryIds: string[]): Promise<Map<string, Set<string>>> {
  const rows = (await manager.query(
    `WITH RECURSIVE lineage(category_id, ancestor_id) AS (
       SELECT id, id FROM data_category WHERE id = ANY($1::uuid[])
       UNION SELECT lineage.category_id, c.parent_id FROM lineage JOIN data_category c ON c.id = lineage.ancestor_id
       WHERE c.parent_id IS NOT NULL)
     SELECT category_id, ancestor_id FROM lineage`,
    [[...new Set(categoryIds)]],
  )) as { category_id: string; ancestor_id: string }[];
  const lineages = new Map<string, Set<string>>();
  for (const row of rows) {
    const lineage = lineages.get(row.category_id) ?? new Set<string>();
    lineage.add(row.ancestor_id);
    lineages.set(row.category_id, lineage);
  }
  return lineages;
}
