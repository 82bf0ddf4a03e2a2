import fs from 'node:fs';
import { FlowmapError } from '../common/errors';
import type { InventoryFileError } from '../modules/inventory/inventory-file-error';
import { importInventory, type ImportReport } from '../modules/inventory/inventory.service';
import { DEFAULT_TEXT_LIMITS, type InventoryTextLimits } from '../modules/inventory/measure-inventory-text';
import type { InventoryFileFormat } from '../modules/inventory/parse-inventory-file';
import { calendarDateOf, isCalendarDate } from '../common/dates';
import { importFidesManifests, manifestFiles } from '../modules/fides/fides.service';
import { cliActor, defineCommand, ExitCode, parseChoice, parseWholeNumber, UsageError, withDatabase, type CliIo } from './command';
import { findingLines } from './findings-command';
import { personProgress } from './person-progress';

/** The diff and the findings an import moves, for a reader. */
function reportText(report: ImportReport): string {
  const { added, changed, removed, unchanged } = report.diff;
  const lines = [
    `Added (${added.length}):`,
    ...added.map((entry) => `  + ${entry.section}/${entry.key}`),
    `Changed (${changed.length}):`,
    ...changed.flatMap((entry) => [
      `  ~ ${entry.section}/${entry.key}`,
      ...entry.fields.map((field) => `      ${field.field}: ${JSON.stringify(field.before)} → ${JSON.stringify(field.after)}`),
    ]),
    `Removed (${removed.length}):`,
    ...removed.map((entry) => `  - ${entry.section}/${entry.key}`),
    `Unchanged: ${unchanged}`,
    `Findings added (${report.findingsAdded.length}):`,
  ];
  return `${lines.join('\n')}\n${findingLines(report.findingsAdded, '  ')}Findings resolved (${report.findingsResolved.length}):\n${findingLines(report.findingsResolved, '  ')}`;
}

/**
 * The largest file read by default, in MiB. Parsing costs about 70 bytes of memory per byte of YAML
 * (a 50 MB file took 3.6 GB), so 16 MiB stays near a gigabyte; --max-size or
 * FLOWMAP_IMPORT_MAX_MB raise it for a machine that has the memory.
 */
export const DEFAULT_MAX_FILE_MB = 16;
/** A node takes at least a few bytes of text: the node limit grows with the size allowed. */
const BYTES_PER_NODE = 16;

function maxFileMegabytes(option: string | undefined, io: CliIo): number {
  const fromOption = parseWholeNumber('max-size', option);
  const fromEnv = io.env.FLOWMAP_IMPORT_MAX_MB;
  if (fromOption === undefined && fromEnv !== undefined && !/^\d+$/.test(fromEnv)) {
    throw new UsageError(`FLOWMAP_IMPORT_MAX_MB: '${fromEnv}' is not a whole number of MiB`);
  }
  const megabytes = fromOption ?? (fromEnv === undefined ? DEFAULT_MAX_FILE_MB : Number(fromEnv));
  if (megabytes < 1) throw new UsageError('--max-size: must be at least 1 (MiB)');
  return megabytes;
}

function textLimitsFor(maxBytes: number): InventoryTextLimits {
  return { ...DEFAULT_TEXT_LIMITS, maxNodes: Math.max(DEFAULT_TEXT_LIMITS.maxNodes, Math.ceil(maxBytes / BYTES_PER_NODE)) };
}

/** A file error as compilers print them, so that editors and CI annotations can jump to it. */
function errorLine(file: string, error: InventoryFileError): string {
  const place = error.line === null ? file : `${file}:${error.line}:${error.column}`;
  return `${place} ${error.path || '/'} ${error.message}\n`;
}

function fileErrorsOf(error: unknown): InventoryFileError[] | null {
  return error instanceof FlowmapError && Array.isArray(error.extensions.errors) ? (error.extensions.errors as InventoryFileError[]) : null;
}

export const importCommand = defineCommand({
  name: 'import',
  summary: 'import an inventory file (or --dry-run it): prints the diff and the findings it adds or resolves',
  help: `Usage: flowmap import FILE [--dry-run] [--prune] [--format yaml|json] [--json] [--max-size MB]
       flowmap import --from fides DIR|FILE [--effective-from DATE] [--dry-run] [--prune] [--json]

Imports an inventory file (docs/inventory-file.md): an upsert by key, all or nothing. Prints what
changes (added, changed field by field, removed) and the findings the change adds and resolves.
A rejected file prints every error as FILE:LINE:COLUMN path message, writes nothing, and exits 1.

Options:
  --dry-run            do everything, then roll back: report what would change, write nothing
  --prune              also remove what the file no longer names (the file is the whole map)
  --format yaml|json   format of FILE (default: json for a .json file, else yaml)
  --json               print the report as JSON
  --max-size MB        read files up to MB MiB (default ${DEFAULT_MAX_FILE_MB}, or FLOWMAP_IMPORT_MAX_MB); about
                       70 bytes of memory per byte of file are needed to parse it
  --from fides         FILE is a fideslang manifest, or DIR a folder of them (every .yml, .yaml, .json under
                       it): systems, privacy declarations, datasets, organization, taxonomies (docs/fides.md).
                       What does not map is printed as a warning at its manifest and resource
  --effective-from DATE  with --from fides: first day in force of activities and flows new to the registry
                       (default today; those it holds keep theirs)

Exit codes: 0 imported (or dry-run done), 1 file rejected, 2 usage error, 3 runtime failure.
`,
  options: {
    'dry-run': { type: 'boolean' },
    prune: { type: 'boolean' },
    format: { type: 'string' },
    json: { type: 'boolean' },
    'max-size': { type: 'string' },
    from: { type: 'string' },
    'effective-from': { type: 'string' },
  },
  positionals: 1,
  async run({ values, positionals: [file] }, io) {
    if (parseChoice('from', values.from, ['inventory', 'fides']) === 'fides') return importFides(file, values, io);
    if (values['effective-from'] !== undefined) throw new UsageError('--effective-from: only with --from fides');
    const format = parseChoice<InventoryFileFormat>('format', values.format, ['yaml', 'json']) ?? (file.endsWith('.json') ? 'json' : 'yaml');
    const maxBytes = maxFileMegabytes(values['max-size'], io) * 1024 * 1024;
    let text: string;
    try {
      const { size } = fs.statSync(file);
      if (size > maxBytes) {
        io.stderr.write(
          `flowmap import: ${file} is ${(size / 1024 / 1024).toFixed(1)} MiB, more than the ${maxBytes / 1024 / 1024} MiB allowed; ` +
            'raise the limit with --max-size MB or FLOWMAP_IMPORT_MAX_MB (parsing needs about 70 bytes of memory per byte), or split the file\n',
        );
        return ExitCode.FAILED_CHECK;
      }
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
    }
    const dryRun = values['dry-run'] ?? false;
    let report: ImportReport;
    try {
      report = await withDatabase(io, ({ dataSource }) =>
        importInventory(dataSource, cliActor(), text, format, {
          dryRun,
          prune: values.prune ?? false,
          onPersonProgress: personProgress(io.stderr),
          textLimits: textLimitsFor(maxBytes),
          // The warning's code and place; the text it is about stays in the file.
          onParseWarning: (warning) => io.stderr.write(`${file}:${warning.line}:${warning.column} warning: ${warning.code}\n`),
        }),
      );
    } catch (error) {
      const errors = fileErrorsOf(error);
      if (!errors) throw error;
      for (const fileError of errors) io.stderr.write(errorLine(file, fileError));
      io.stderr.write(`flowmap import: ${file} rejected with ${errors.length} error(s); nothing written\n`);
      return ExitCode.FAILED_CHECK;
    }
    if (values.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else io.stdout.write(`${dryRun ? `Dry run of ${file}: nothing written.` : `Imported ${file}.`}\n${reportText(report)}`);
    return ExitCode.OK;
  },
});

/** `flowmap import --from fides`: the manifests' warnings, then the import's report as for an inventory file. */
async function importFides(
  target: string,
  values: { 'dry-run'?: boolean; prune?: boolean; json?: boolean; format?: string; 'effective-from'?: string; 'max-size'?: string },
  io: CliIo,
): Promise<ExitCode> {
  if (values.format !== undefined) throw new UsageError('--format: fideslang manifests are YAML (or JSON), read as such');
  const effectiveFrom = values['effective-from'] ?? calendarDateOf(new Date());
  if (!isCalendarDate(effectiveFrom)) throw new UsageError(`--effective-from: '${effectiveFrom}' is not a date (YYYY-MM-DD)`);
  const maxBytes = maxFileMegabytes(values['max-size'], io) * 1024 * 1024;
  let sources: { file: string; text: string }[];
  try {
    sources = manifestFiles(target).map((file) => {
      if (fs.statSync(file).size > maxBytes) throw new UsageError(`${file} is more than the ${maxBytes / 1024 / 1024} MiB allowed (--max-size MB)`);
      return { file, text: fs.readFileSync(file, 'utf8') };
    });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${target}: ${(error as Error).message}`);
  }
  if (sources.length === 0) throw new UsageError(`${target}: no .yml, .yaml or .json manifest in it`);
  const dryRun = values['dry-run'] ?? false;
  const outcome = await withDatabase(io, ({ dataSource }) =>
    importFidesManifests(dataSource, cliActor(), sources, { dryRun, prune: values.prune ?? false, effectiveFrom }),
  );
  for (const warning of outcome.warnings) io.stderr.write(`${warning.at}: warning: ${warning.message}\n`);
  if (!outcome.report) {
    for (const error of outcome.errors) io.stderr.write(`${error.at}: ${error.message}\n`);
    io.stderr.write(`flowmap import: ${target} rejected with ${outcome.errors.length} error(s); nothing written\n`);
    return ExitCode.FAILED_CHECK;
  }
  if (values.json) io.stdout.write(`${JSON.stringify({ ...outcome.report, warnings: outcome.warnings }, null, 2)}\n`);
  else io.stdout.write(`${dryRun ? `Dry run of ${target}: nothing written.` : `Imported ${target}.`}\n${reportText(outcome.report)}`);
  return ExitCode.OK;
}
