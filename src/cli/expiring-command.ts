import { listExpiringEvidence, parseWithin } from '../modules/evidence/expiring-evidence.service';
import type { ExpiringEvidenceItem } from '../modules/evidence/expiring-evidence';
import { defineCommand, ExitCode, parseAsOf, parseChoice, UsageError, withDatabase, writeOutput } from './command';

const SHORT_WINDOW = /^(\d+)([dwmy])$/;

/** The value of --within as an ISO 8601 duration: '60d', '8w', '3m' and '1y' are short for P60D, P8W, P3M and P1Y. */
export function windowOf(value: string | undefined): string {
  if (value === undefined) throw new UsageError('--within is required, e.g. --within 60d');
  const short = SHORT_WINDOW.exec(value);
  return short ? `P${short[1]}${short[2].toUpperCase()}` : value;
}

function describeItem(item: ExpiringEvidenceItem): string {
  const when = item.daysLeft < 0 ? `lapsed ${-item.daysLeft} day(s) ago` : `lapses in ${item.daysLeft} day(s)`;
  const reference = item.reference ? ` (${item.reference})` : '';
  const flows = item.flowKeys.length > 0 ? item.flowKeys.join(', ') : 'no flow in force';
  return `${item.lapsesOn}  ${when}: ${item.kind}${reference} of ${item.holder} ${item.holderKey}; relied on by ${flows}`;
}

export const expiringCommand = defineCommand({
  name: 'expiring',
  summary: 'evidence that lapses soon (or has lapsed), with the flows it keeps lawful',
  help: `Usage: flowmap expiring --within DURATION [--as-of ISO] [--format text|json] [--output FILE]

Lists the evidence that lapses within DURATION from today (DPF certifications, CAC security
assessments, filings, processing agreements, transfer impact assessments...), or has lapsed and was
not renewed, soonest first, each with the flows in force that rely on it. A CAC security assessment
lapses 3 years after its result unless an earlier expiry is on record.

Options:
  --within DURATION    how far ahead: 60d, 8w, 3m, 1y, or an ISO 8601 duration (P60D)
  --as-of ISO          the day to count from (default today)
  --format text|json   one line per item, or a JSON array (default text)
  --output FILE        write to FILE instead of stdout

Exit codes: 0 ok, 2 usage error, 3 runtime failure.
`,
  options: {
    within: { type: 'string' },
    'as-of': { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string' },
  },
  positionals: 0,
  async run({ values }, io) {
    const within = windowOf(values.within);
    parseWithin(within, '--within');
    const asOf = parseAsOf(values['as-of']);
    const format = parseChoice('format', values.format, ['text', 'json'] as const) ?? 'text';
    const items = await withDatabase(io, ({ dataSource }) => listExpiringEvidence(dataSource, within, asOf, new Date()));
    const text = format === 'json' ? `${JSON.stringify(items, null, 2)}\n` : items.map((item) => `${describeItem(item)}\n`).join('');
    writeOutput(text, values.output, io);
    return ExitCode.OK;
  },
});
