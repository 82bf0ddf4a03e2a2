import { exportInventory } from '../modules/inventory/inventory.service';
import type { InventoryFileFormat } from '../modules/inventory/parse-inventory-file';
import { defineCommand, ExitCode, parseChoice, withDatabase, writeOutput } from './command';

export const exportCommand = defineCommand({
  name: 'export',
  summary: 'export the data map as an inventory file (normalised)',
  help: `Usage: flowmap export [--format yaml|json] [--persons] [--output FILE]

Prints the whole data map as an inventory file in normalised form: importing it changes nothing,
and exporting again gives the same text.

Options:
  --format yaml|json   output format (default yaml)
  --persons            include the persons and their consents
  --output FILE        write to FILE instead of stdout

Exit codes: 0 ok, 2 usage error, 3 runtime failure.
`,
  options: {
    format: { type: 'string' },
    persons: { type: 'boolean' },
    output: { type: 'string' },
  },
  positionals: 0,
  async run({ values }, io) {
    const format = parseChoice<InventoryFileFormat>('format', values.format, ['yaml', 'json']) ?? 'yaml';
    const text = await withDatabase(io, ({ dataSource }) => exportInventory(dataSource, format, values.persons ?? false));
    writeOutput(text, values.output, io);
    return ExitCode.OK;
  },
});
