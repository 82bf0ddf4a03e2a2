export enum Severity {
  INFO = 'INFO',
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}

export const SEVERITY_ORDER: readonly Severity[] = [
  Severity.INFO,
  Severity.LOW,
  Severity.MEDIUM,
  Severity.HIGH,
  Severity.CRITICAL,
];

/** A compliance problem found by a rule, with what it concerns. */
export interface Finding {
  /** Stable id of the rule, e.g. 'GDPR-TRANSFER-NO-MECHANISM'. */
  ruleId: string;
  severity: Severity;
  /** Article of the law, e.g. 'GDPR Art. 44-46'. */
  legalReference: string;
  /** One sentence naming the things concerned and why. */
  message: string;
  partyIds: string[];
  flowIds: string[];
  activityIds: string[];
  /** External ids of persons, when the finding is about a person. */
  personIds: string[];
}

const SEVERITY_RANK: ReadonlyMap<Severity, number> = new Map(SEVERITY_ORDER.map((severity, rank) => [severity, rank]));

/**
 * Most severe first, then by rule id. Sorting is stable, so a rule's findings stay in the order
 * they were found, which is the order the map is walked: activities by key, hops breadth first in
 * flow-key order. (Sorting a large map's findings by message as well took ten times as long.)
 */
export function compareFindings(a: Finding, b: Finding): number {
  const bySeverity = (SEVERITY_RANK.get(b.severity) ?? 0) - (SEVERITY_RANK.get(a.severity) ?? 0);
  if (bySeverity !== 0) return bySeverity;
  return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}

/** One finding per rule and set of things concerned (the first one found): a flow reached along two paths is one problem, not two. */
export function firstOfEach(findings: Iterable<Finding>): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const finding of findings) {
    const key = [finding.ruleId, finding.partyIds, finding.flowIds, finding.activityIds, finding.personIds].join('\u0000');
    if (!byKey.has(key)) byKey.set(key, finding);
  }
  return [...byKey.values()];
}

/** firstOfEach, in compareFindings order. */
export function distinctFindings(findings: Iterable<Finding>): Finding[] {
  return firstOfEach(findings).sort(compareFindings);
}

/**
 * Findings about stored persons for the whole map: one per rule and activity, naming every person
 * concerned (in the order found), with the first one's message and how many more there are. A
 * map of a million children is one finding per rule and activity, not a million.
 */
export function perRuleAndActivity(findings: Iterable<Finding>): Finding[] {
  const byKey = new Map<string, { finding: Finding; persons: Set<string> }>();
  for (const finding of findings) {
    const key = [finding.ruleId, finding.activityIds].join('\u0000');
    const entry = byKey.get(key) ?? { finding, persons: new Set<string>() };
    byKey.set(key, entry);
    for (const personId of finding.personIds) entry.persons.add(personId);
  }
  return [...byKey.values()].map(({ finding, persons }) => ({
    ...finding,
    message: persons.size > 1 ? `${finding.message} (and ${persons.size - 1} more persons)` : finding.message,
    personIds: [...persons],
  }));
}
