import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding } from '../flow-query/flow-query.type';
import { Severity } from '../../engine/core/finding';
import type { RuleDescriptor } from '../../engine/core/rule-descriptor';
import type { BaselineVerdict } from './baseline';
import type { LocateFinding } from './entry-locations';

/** Code-review tools show errors as blocking, warnings and notes as advice. */
export function sarifLevel(severity: Severity): Result.level {
  if (severity === Severity.CRITICAL || severity === Severity.HIGH) return 'error';
  if (severity === Severity.MEDIUM) return 'warning';
  return 'note';
}

export interface SarifOptions {
  rules: readonly RuleDescriptor[];
  /** The inventory file the findings are about, as the repository names it (e.g. 'map.yaml'). */
  file: string | null;
  locate: LocateFinding | null;
  /** When a baseline was applied: accepted findings are reported as suppressed, with the justification. */
  baseline: BaselineVerdict | null;
  version: string;
}

/** The findings as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format). */
export function findingsSarif(findings: readonly Finding[], options: SarifOptions): Log {
  const ruleIndex = new Map(options.rules.map((rule, index) => [rule.id, index]));
  const acceptanceOf = new Map(options.baseline?.accepted.map(({ finding, acceptance }) => [finding, acceptance]) ?? []);
  const rules: ReportingDescriptor[] = options.rules.map((rule) => ({
    id: rule.id,
    name: rule.title,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.explanation },
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    properties: { severity: rule.severity, legalReference: rule.legalReference, regime: rule.regime ?? 'ANY', tags: ['privacy', rule.regime ?? 'ANY'] },
  }));
  const results: Result[] = findings.map((finding) => {
    const place = options.locate?.(finding) ?? null;
    const acceptance = acceptanceOf.get(finding);
    const result: Result = {
      ruleId: finding.ruleId,
      level: sarifLevel(finding.severity),
      message: { text: `${finding.message} [${finding.legalReference}]` },
      // Stable across runs, so a review tool can tell a new finding from one it has seen.
      partialFingerprints: { flowmapSubject: [finding.ruleId, ...finding.flowKeys, ...finding.activityKeys, ...finding.partyKeys].join('/') },
      properties: { severity: finding.severity, partyKeys: finding.partyKeys, flowKeys: finding.flowKeys, activityKeys: finding.activityKeys },
    };
    const index = ruleIndex.get(finding.ruleId);
    if (index !== undefined) result.ruleIndex = index;
    if (options.file !== null) {
      result.locations = [{ physicalLocation: { artifactLocation: { uri: options.file }, ...(place ? { region: { startLine: place.line, startColumn: place.column } } : {}) } }];
    }
    if (acceptance) {
      result.suppressions = [{ kind: 'external', status: 'accepted', justification: `${acceptance.justification} (accepted by ${acceptance.acceptedBy} until ${acceptance.until})` }];
    }
    return result;
  });
  return {
    version: '2.1.0',
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    runs: [{ tool: { driver: { name: 'flowmap', version: options.version, rules } }, results }],
  };
}

/** GitHub Actions workflow commands: '%', CR and LF escaped in the message, also ',' and ':' in properties. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::error`/`::warning`/`::notice` line per finding, which a GitHub Actions log turns into annotations on the file. */
export function githubAnnotations(findings: readonly Finding[], file: string | null, locate: LocateFinding | null): string {
  const command: Record<Result.level, string> = { error: 'error', warning: 'warning', note: 'notice', none: 'notice' };
  return findings
    .map((finding) => {
      const place = locate?.(finding) ?? null;
      const properties = [
        ...(file !== null ? [`file=${escapeProperty(file)}`] : []),
        ...(place ? [`line=${place.line}`, `col=${place.column}`] : []),
        `title=${escapeProperty(`${finding.severity} ${finding.ruleId}`)}`,
      ];
      return `::${command[sarifLevel(finding.severity)]} ${properties.join(',')}::${escapeData(`${finding.message} [${finding.legalReference}]`)}\n`;
    })
    .join('');
}
