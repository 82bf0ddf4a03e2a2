import { RecordFormat } from '../modules/exports/exports.type';
import { recordOfProcessing, transferRegister } from '../modules/exports/exports.service';
import { defineCommand, ExitCode, parseAsOf, parseChoice, UsageError, withDatabase, writeOutput } from './command';

export const ropaCommand = defineCommand({
  name: 'ropa',
  summary: 'the GDPR Art. 30(1) record of processing, as CSV, Markdown, XLSX or HTML',
  help: `Usage: flowmap ropa [--format csv|markdown|xlsx|html] [--as-of ISO] [--output FILE]

Prints the record of processing activities (GDPR Art. 30(1)) of the activities in force: per
activity the controller and its contact, purposes, legal basis, categories of data subjects and of
personal data, recipients, transfers to third countries with their mechanisms and safeguards,
retention and security measures.

Options:
  --format csv|markdown|xlsx|html
                          CSV (RFC 4180, a header row, one row per activity), Markdown, an XLSX
                          workbook or a printable HTML page, both with the transfer register
                          beside the record (default csv)
  --as-of ISO             the date of the record (default today)
  --output FILE           write to FILE instead of stdout (needed for xlsx)

Exit codes: 0 ok, 2 usage error, 3 runtime failure.
`,
  options: {
    format: { type: 'string' },
    'as-of': { type: 'string' },
    output: { type: 'string' },
  },
  positionals: 0,
  async run({ values }, io) {
    const format = parseChoice('format', values.format, Object.values(RecordFormat)) ?? RecordFormat.CSV;
    const asOf = parseAsOf(values['as-of']);
    if (format === RecordFormat.XLSX && values.output === undefined) throw new UsageError('--format xlsx writes a workbook: give it a file with --output');
    const record = await withDatabase(io, ({ dataSource }) => recordOfProcessing(dataSource, format, asOf, true));
    writeOutput(format === RecordFormat.XLSX ? Buffer.from(record, 'base64') : record, values.output, io);
    return ExitCode.OK;
  },
});

export const transfersCommand = defineCommand({
  name: 'transfers',
  summary: 'the cross-border transfer register, as CSV',
  help: `Usage: flowmap transfers [--as-of ISO] [--output FILE]

Prints every cross-border transfer of the data map as CSV (RFC 4180, a header row): flow, activity,
exporter, importer, countries on both sides, categories, mechanism, safeguards, regimes, whether it
is lawful and why not.

Options:
  --as-of ISO     the time asked about (default now)
  --output FILE   write to FILE instead of stdout

Exit codes: 0 ok, 2 usage error, 3 runtime failure.
`,
  options: {
    'as-of': { type: 'string' },
    output: { type: 'string' },
  },
  positionals: 0,
  async run({ values }, io) {
    const asOf = parseAsOf(values['as-of']);
    writeOutput(await withDatabase(io, ({ dataSource }) => transferRegister(dataSource, asOf, true)), values.output, io);
    return ExitCode.OK;
  },
});
