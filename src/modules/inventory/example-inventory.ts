import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { importInventory } from './inventory.service';

/** examples/ sits three levels above both src/modules/inventory and dist/modules/inventory. */
export const EXAMPLES_DIR = path.resolve(__dirname, '../../../examples');

export function exampleNames(): string[] {
  return fs
    .readdirSync(EXAMPLES_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.replace(/\.yaml$/, ''))
    .sort();
}

/**
 * On a first start (no party registered yet), loads one of the example inventories so that a
 * newcomer has a data map to ask questions of. Returns whether it loaded one.
 */
export async function loadExampleIfEmpty(dataSource: DataSource, name: string): Promise<boolean> {
  if (name === 'none') return false;
  const [{ parties }] = (await dataSource.query('SELECT count(*)::int AS parties FROM party')) as { parties: number }[];
  if (parties > 0) return false;
  if (!exampleNames().includes(name)) throw new Error(`FLOWMAP_EXAMPLE: no example '${name}' (have: ${exampleNames().join(', ')}, or 'none')`);
  const text = fs.readFileSync(path.join(EXAMPLES_DIR, `${name}.yaml`), 'utf8');
  await importInventory(dataSource, 'flowmap (example data)', text, 'yaml', { dryRun: false, prune: false });
  return true;
}
