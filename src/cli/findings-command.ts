import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from '../modules/flow-query/flow-query.type';
import { inventoryFindings } from '../modules/flow-query/inventory-findings.service';
import { applyBaseline, BaselineError, parseBaseline, type Acceptance, type BaselineVerdict } from '../modules/findings-gate/baseline';
import { entryLocator, type LocateFinding } from '../modules/findings-gate/entry-locations';
import { findingsSarif, githubAnnotations } from '../modules/findings-gate/sarif';
import { SEVERITY_ORDER, type Severity } from '../engine/core/finding';
import { RULES } from '../engine/rules/rule-catalogue';
import { defineCommand, ExitCode, parseAsOf, parseChoice, UsageError, withDatabase } from './command';

/** Findings as text, one a line, most severe first: severity, rule, message, article. */
export function findingLines(findings: readonly Finding[], indent = ''): string {
  return findings.map((finding) => `${indent}${finding.severity.padEnd(8)} ${finding.ruleId}  ${finding.message} [${finding.legalReference}]\n`).join('');
}

function atOrAbove(findings: readonly Finding[], floor: Severity): Finding[] {
  return findings.filter((finding) => SEVERITY_ORDER.indexOf(finding.severity) >= SEVERITY_ORDER.indexOf(floor));
}

function readFileOption(option: string, file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--${option}: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function readBaseline(file: string): Acceptance[] {
  try {
    return parseBaseline(readFileOption('baseline', file), file);
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(`--baseline: ${file} cannot be used:\n${error.problems.join('\n')}`);
    throw error;
  }
}

function readLocator(file: string): LocateFinding {
  try {
    return entryLocator(readFileOption('file', file), file.endsWith('.json') ? 'json' : 'yaml');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--file: ${file}: ${(error as Error).message}`);
  }
}

/** What the baseline did, for the person reading the CI log. */
function baselineReport(verdict: BaselineVerdict): string {
  const lines = [`baseline: ${verdict.accepted.length} finding(s) accepted, ${verdict.expired.length} whose acceptance has expired, ${verdict.open.length} not accepted`];
  for (const { finding, acceptance } of verdict.expired) lines.push(`  expired on ${acceptance.until} (line ${acceptance.line}): ${finding.ruleId} ${finding.message}`);
  for (const acceptance of verdict.unmatched) {
    lines.push(`  line ${acceptance.line}: ${acceptance.rule} on ${acceptance.subject.kind}:${acceptance.subject.key} matches no finding any more; remove it`);
  }
  return `${lines.join('\n')}\n`;
}

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

export const findingsCommand = defineCommand({
  name: 'findings',
  summary: 'list the compliance findings of the data map; --fail-on gates CI',
  help: `Usage: flowmap findings [--as-of ISO] [--rule ID] [--party KEY] [--fail-on SEVERITY]
                        [--baseline FILE] [--file INVENTORY] [--format text|json|sarif|github]

Lists the findings of the whole data map, most severe first, with what the stored persons add
(their volumes and residences, their children's data, the findings about minors: one per rule
and activity, with the persons concerned).

Options:
  --as-of ISO          the time asked about (default now): 2024-06-01 or 2024-06-01T12:00:00Z
  --rule ID            only findings of this rule (e.g. GDPR-TRANSFER-NO-MECHANISM)
  --party KEY          only findings concerning this party
  --fail-on SEVERITY   exit 1 when a finding is at or above INFO, LOW, MEDIUM, HIGH or CRITICAL
  --baseline FILE      accepted findings (YAML: rule, subject, justification, acceptedBy, until):
                       --fail-on counts only findings not accepted, or whose acceptance expired;
                       acceptances that match nothing are listed on stderr
  --file INVENTORY     the inventory file the map was imported from: findings then name the
                       line and column of the entry that causes them (sarif, github)
  --format FORMAT      text (default), json, sarif (SARIF 2.1.0, for code review tools) or
                       github (GitHub Actions annotations)

Exit codes: 0 none at or above --fail-on (or no --fail-on), 1 some, 2 usage error (or no such party,
or a baseline that cannot be read), 3 runtime failure.
`,
  options: {
    'as-of': { type: 'string' },
    rule: { type: 'string' },
    party: { type: 'string' },
    'fail-on': { type: 'string' },
    baseline: { type: 'string' },
    file: { type: 'string' },
    format: { type: 'string' },
  },
  positionals: 0,
  async run({ values }, io) {
    const asOf = parseAsOf(values['as-of']);
    const failOn = parseChoice('fail-on', values['fail-on']?.toUpperCase(), SEVERITY_ORDER);
    const format = parseChoice('format', values.format, FORMATS) ?? 'text';
    const acceptances = values.baseline === undefined ? null : readBaseline(values.baseline);
    const file = values.file === undefined ? null : values.file;
    const locate = file === null ? null : readLocator(file);
    const findings = await withDatabase(io, ({ dataSource }) => inventoryFindings(dataSource, { asOf, ruleId: values.rule, partyKey: values.party, includePersons: true }));
    const today = (asOf ?? new Date()).toISOString().slice(0, 10);
    const verdict = acceptances === null ? null : applyBaseline(findings, acceptances, today);
    const shownFile = file === null ? null : path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/');
    if (format === 'json') io.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
    else if (format === 'sarif') {
      const version = (JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;
      io.stdout.write(`${JSON.stringify(findingsSarif(findings, { rules: RULES, file: shownFile, locate, baseline: verdict, version }), null, 2)}\n`);
    } else if (format === 'github') io.stdout.write(githubAnnotations(verdict ? [...verdict.open, ...verdict.expired.map(({ finding }) => finding)] : findings, shownFile, locate));
    else io.stdout.write(`${findingLines(findings)}${findings.length} finding(s)\n`);
    if (verdict) io.stderr.write(baselineReport(verdict));
    if (failOn === undefined) return ExitCode.OK;
    const gating = verdict ? [...verdict.open, ...verdict.expired.map(({ finding }) => finding)] : findings;
    const failing = atOrAbove(gating, failOn).length;
    if (failing === 0) return ExitCode.OK;
    io.stderr.write(`flowmap findings: ${failing} finding(s) at or above ${failOn}${verdict ? ' not accepted by the baseline' : ''}\n`);
    return ExitCode.FAILED_CHECK;
  },
});
