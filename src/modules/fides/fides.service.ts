import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { FlowmapError } from '../../common/errors';
import { readInventory } from '../inventory/inventory-export.service';
import type { InventoryFileError } from '../inventory/inventory-file-error';
import { pointerSegments } from '../inventory/inventory-file-error';
import type { InventoryDocument, InventorySection } from '../../domain/inventory-document';
import { entryKey } from '../../domain/inventory-document';
import type { ImportOptions } from '../inventory/inventory-import.service';
import { importInventory, type ImportReport } from '../inventory/inventory.service';
import { normaliseInventory, stringifyInventory } from '../inventory/normalise-inventory';
import { readFidesManifests, type FidesManifestSource, type FidesWarning } from './fides-manifest';
import { fidesToInventory } from './fides-to-inventory';
import { inventoryToFides, stringifyFidesManifest } from './inventory-to-fides';

const MANIFEST_EXTENSIONS = ['.yml', '.yaml', '.json'];

/** The manifests of a file, or of every .yml, .yaml and .json file under a folder, in path order. */
export function manifestFiles(target: string): string[] {
  if (!fs.statSync(target).isDirectory()) return [target];
  return fs
    .readdirSync(target, { recursive: true, encoding: 'utf8' })
    .filter((name) => MANIFEST_EXTENSIONS.includes(path.extname(name).toLowerCase()))
    .map((name) => path.join(target, name))
    .filter((file) => fs.statSync(file).isFile())
    .sort();
}

export interface FidesImportOutcome {
  warnings: FidesWarning[];
  /** Why nothing was imported: manifests that are no manifests, or entries the registry refuses, at their manifest. */
  errors: FidesWarning[];
  report: ImportReport | null;
}

/** Where an error of the converted document stands in the manifests. */
function placeOf(error: InventoryFileError, document: InventoryDocument, sources: Map<string, string>): string {
  const [section, index] = pointerSegments(error.path);
  const entries = section ? (document[section as InventorySection] as { key?: string; externalId?: string }[] | undefined) : undefined;
  const entry = entries && index !== undefined ? entries[Number(index)] : undefined;
  const source = entry ? sources.get(`${section}/${entryKey(entry as never)}`) : undefined;
  return source ? `${source} -> ${error.path}` : error.path || '/';
}

/**
 * Imports fideslang manifests: converts them onto the registry's current map (what fideslang cannot
 * say is kept from it) and imports the result as an inventory file would be, in one transaction.
 */
export async function importFidesManifests(
  dataSource: DataSource,
  actor: string,
  sources: readonly FidesManifestSource[],
  options: Pick<ImportOptions, 'dryRun' | 'prune'> & { effectiveFrom: string },
): Promise<FidesImportOutcome> {
  const read = readFidesManifests(sources);
  if (read.errors.length > 0) return { warnings: read.warnings, errors: read.errors, report: null };
  const stored = await dataSource.transaction('REPEATABLE READ', (manager) => readInventory(manager, { includePersons: false }));
  const converted = fidesToInventory(read.resources, { effectiveFrom: options.effectiveFrom, stored });
  const warnings = [...read.warnings, ...converted.warnings];
  const document = normaliseInventory(converted.document);
  try {
    const report = await importInventory(dataSource, actor, stringifyInventory(document, 'yaml'), 'yaml', { dryRun: options.dryRun, prune: options.prune });
    return { warnings, errors: [], report };
  } catch (error) {
    const fileErrors = error instanceof FlowmapError && Array.isArray(error.extensions.errors) ? (error.extensions.errors as InventoryFileError[]) : null;
    if (!fileErrors) throw error;
    return { warnings, errors: fileErrors.map((fileError) => ({ at: placeOf(fileError, document, converted.sources), message: fileError.message })), report: null };
  }
}

/** The whole data map as one fideslang manifest, and what of it fideslang cannot hold. */
export async function exportFidesManifest(dataSource: DataSource): Promise<{ text: string; warnings: string[] }> {
  const document = await dataSource.transaction('REPEATABLE READ', (manager) => readInventory(manager, { includePersons: false }));
  const { manifest, warnings } = inventoryToFides(document);
  return { text: stringifyFidesManifest(manifest), warnings };
}
