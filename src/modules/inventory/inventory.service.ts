import type { DataSource } from 'typeorm';
import { ErrorCode, FlowmapError } from '../../common/errors';
import { RequestDeadline } from '../../common/request-deadline';
import { findingChanges, type FindingChanges } from '../flow-query/finding-changes';
import type { InventoryDiff } from './diff-inventory';
import { InventoryFileErrorCode, type InventoryFileError } from './inventory-file-error';
import { readInventory } from './inventory-export.service';
import { importInventoryFile, type ImportOptions } from './inventory-import.service';
import { stringifyInventory } from './normalise-inventory';
import type { InventoryFileFormat } from './parse-inventory-file';

export interface ImportReport {
  applied: boolean;
  diff: InventoryDiff;
  findingsAdded: FindingChanges['added'];
  findingsResolved: FindingChanges['resolved'];
}

/** Every error of a rejected file, at once; the message lists the first few with their lines. */
export function rejectedFile(errors: InventoryFileError[]): FlowmapError {
  const shown = errors.slice(0, 5).map((error) => `${error.path || '/'}${error.line ? ` (line ${error.line}, column ${error.column})` : ''}: ${error.message}`);
  const more = errors.length > shown.length ? `; and ${errors.length - shown.length} more` : '';
  // A prune refused because something outside the file still refers to what it removes is not a
  // fault of the file's text: it answers as any refused removal does.
  const code = errors.length > 0 && errors.every((error) => error.code === InventoryFileErrorCode.STILL_REFERENCED) ? ErrorCode.STILL_REFERENCED : ErrorCode.BAD_USER_INPUT;
  return new FlowmapError(code, `file: ${errors.length} error(s): ${shown.join('; ')}${more}`, { field: 'file', errors });
}

/** Imports an inventory file (or tries it, on a dry run) and reports the diff and the findings it moves. */
export async function importInventory(
  dataSource: DataSource,
  actor: string,
  text: string,
  format: InventoryFileFormat,
  options: ImportOptions & { findingsWithPersons?: boolean; deadline?: RequestDeadline },
): Promise<ImportReport> {
  const withPersons = options.findingsWithPersons ?? true;
  // The findings before and after are two walks of the whole map: they stop at the request's deadline as the others do.
  const outcome = await importInventoryFile(dataSource, actor, text, format, options, (manager) =>
    findingChanges(dataSource, manager, withPersons, options.deadline ?? RequestDeadline.NONE),
  );
  if (outcome.errors.length > 0 || !outcome.diff || !outcome.extra) throw rejectedFile(outcome.errors);
  return { applied: outcome.applied, diff: outcome.diff, findingsAdded: outcome.extra.added, findingsResolved: outcome.extra.resolved };
}

export async function exportInventory(dataSource: DataSource, format: InventoryFileFormat, includePersons: boolean): Promise<string> {
  const document = await dataSource.transaction('REPEATABLE READ', (manager) => readInventory(manager, { includePersons }));
  return stringifyInventory(document, format);
}
