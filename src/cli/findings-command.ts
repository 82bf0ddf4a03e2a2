import type { Finding } from '../modules/flow-query/flow-query.type';
import { inventoryFindings } from '../modules/flow-query/flow-query.service';
import { SEVERITY_ORDER, type Severity } from '../modules/rules/finding';
import { defineCommand, ExitCode, parseAsOf, parseChoice, withDatabase } from './command';

/** Findings as text, one a line, most severe first: severity, rule, message, article. */
export function findingLines(findings: readonly Finding[], indent = ''): string {
  return findings.map((finding) => `${indent}${finding.severity.padEnd(8)} ${finding.ruleId}  ${finding.message} [${finding.legalReference}]\n`).join('');
}

function countAtOrAbove(findings: readonly Finding[], floor: Severity): number {
  return findings.filter((finding) => SEVERITY_ORDER.indexOf(finding.severity) >= SEVERITY_ORDER.indexOf(floor)).length;
}

export const findingsCommand = defineCommand({
  name: 'findings',
  summary: 'list the compliance findings of the data map; --fail-on gates CI',
  help: `Usage: flowmap findings [--as-of ISO] [--rule ID] [--party KEY] [--fail-on SEVERITY] [--format text|json]

Lists the findings of the whole data map, most severe first.

Options:
  --as-of ISO          the time asked about (default now): 2024-06-01 or 2024-06-01T12:00:00Z
  --rule ID            only findings of this rule (e.g. GDPR-TRANSFER-NO-MECHANISM)
  --party KEY          only findings concerning this party
  --fail-on SEVERITY   exit 1 when a finding is at or above INFO, LOW, MEDIUM, HIGH or CRITICAL
  --format text|json   output format (default text)

Exit codes: 0 none at or above --fail-on (or no --fail-on), 1 some, 2 usage error (or no such party),
3 runtime failure.
`,
  options: {
    'as-of': { type: 'string' },
    rule: { type: 'string' },
    party: { type: 'string' },
    'fail-on': { type: 'string' },
    format: { type: 'string' },
  },
  positionals: 0,
  async run({ values }, io) {
    const asOf = parseAsOf(values['as-of']);
    const failOn = parseChoice('fail-on', values['fail-on']?.toUpperCase(), SEVERITY_ORDER);
    const format = parseChoice('format', values.format, ['text', 'json']) ?? 'text';
    const findings = await withDatabase(io, ({ dataSource }) => inventoryFindings(dataSource, { asOf, ruleId: values.rule, partyKey: values.party }));
    if (format === 'json') io.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
    else io.stdout.write(`${findingLines(findings)}${findings.length} finding(s)\n`);
    if (failOn === undefined) return ExitCode.OK;
    const failing = countAtOrAbove(findings, failOn);
    if (failing === 0) return ExitCode.OK;
    io.stderr.write(`flowmap findings: ${failing} finding(s) at or above ${failOn}\n`);
    return ExitCode.FAILED_CHECK;
  },
});
