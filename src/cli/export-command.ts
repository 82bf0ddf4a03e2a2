import { dataMapJsonLdText } from '../modules/exports/exports.service';
import { exportFidesManifest } from '../modules/fides/fides.service';
import { exportInventory } from '../modules/inventory/inventory.service';
import type { InventoryFileFormat } from '../modules/inventory/parse-inventory-file';
import { defineCommand, ExitCode, parseChoice, UsageError, withDatabase, writeOutput } from './command';

export const exportCommand = defineCommand({
  name: 'export',
  summary: 'export the data map as an inventory file (normalised)',
  help: `Usage: flowmap export [--format yaml|json|jsonld] [--persons] [--output FILE]
       flowmap export --to fides [--output FILE]

Prints the whole data map as an inventory file in normalised form: importing it changes nothing,
and exporting again gives the same text. As jsonld, the map (without persons) is JSON-LD over the
W3C Data Privacy Vocabulary (DPV), for DPV tools; its context is inline.

Options:
  --format yaml|json|jsonld   output format (default yaml)
  --persons                   include the persons and their consents (not with jsonld)
  --output FILE               write to FILE instead of stdout
  --to fides                  the map as one fideslang manifest (systems, privacy declarations, organization,
                              taxonomies; docs/fides.md); what fideslang cannot hold is listed on stderr

Exit codes: 0 ok, 2 usage error, 3 runtime failure.
`,
  options: {
    format: { type: 'string' },
    persons: { type: 'boolean' },
    output: { type: 'string' },
    to: { type: 'string' },
  },
  positionals: 0,
  async run({ values }, io) {
    if (parseChoice('to', values.to, ['inventory', 'fides']) === 'fides') {
      if (values.format !== undefined || values.persons) throw new UsageError('--to fides: takes neither --format nor --persons (a manifest is YAML, and holds no persons)');
      const { text, warnings } = await withDatabase(io, ({ dataSource }) => exportFidesManifest(dataSource));
      for (const warning of warnings) io.stderr.write(`flowmap export: warning: ${warning}\n`);
      writeOutput(text, values.output, io);
      return ExitCode.OK;
    }
    const format = parseChoice<InventoryFileFormat | 'jsonld'>('format', values.format, ['yaml', 'json', 'jsonld']) ?? 'yaml';
    if (format === 'jsonld' && values.persons) throw new UsageError('--persons: the JSON-LD export holds the map, not persons');
    const text = await withDatabase(io, ({ dataSource }) =>
      format === 'jsonld' ? dataMapJsonLdText(dataSource) : exportInventory(dataSource, format, values.persons ?? false),
    );
    writeOutput(text, values.output, io);
    return ExitCode.OK;
  },
});
