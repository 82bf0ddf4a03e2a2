import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Finding } from '../flow-query/flow-query.type';

/** What an acceptance names: one party, flow or activity of the map, by key. */
export type AcceptedSubjectKind = 'party' | 'flow' | 'activity';
const SUBJECT_KINDS: readonly AcceptedSubjectKind[] = ['party', 'flow', 'activity'];

/**
 * A finding the team has decided to live with for a time: the rule, the thing it is about, why,
 * who decided, and until when (inclusive). After that day the finding fails the gate again.
 */
export interface Acceptance {
  rule: string;
  subject: { kind: AcceptedSubjectKind; key: string };
  justification: string;
  acceptedBy: string;
  /** 'YYYY-MM-DD', the last day the acceptance holds. */
  until: string;
  /** Where it is written in the baseline file. */
  line: number;
}

/** A baseline file that cannot be used, with every problem at its line. */
export class BaselineError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'BaselineError';
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Reads a baseline file (YAML):
 *
 *     accepted:
 *       - rule: PIPL-NO-PIA
 *         subject: activity:corporate-transaction
 *         justification: the PIA is booked for March
 *         acceptedBy: dpo@example.com
 *         until: 2027-03-31
 */
export function parseBaseline(text: string, fileName: string): Acceptance[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, logLevel: 'error', uniqueKeys: true });
  const lineOf = (node: Node | null | undefined): number => lineCounter.linePos(node?.range?.[0] ?? 0).line;
  if (document.errors.length > 0) {
    throw new BaselineError(document.errors.map((error) => `${fileName}:${lineCounter.linePos(error.pos[0]).line}: ${error.message.split('\n')[0]}`));
  }
  const root = document.contents;
  const accepted = isMap(root) ? root.get('accepted', true) : undefined;
  if (!isMap(root) || !isSeq(accepted) || root.items.length !== 1) {
    throw new BaselineError([`${fileName}:${lineOf(root)}: a baseline is a map with one key, 'accepted', holding a list of acceptances`]);
  }
  const problems: string[] = [];
  const acceptances: Acceptance[] = [];
  accepted.items.forEach((item, index) => {
    const line = lineOf(item as Node);
    const where = `${fileName}:${line}: accepted[${index}]`;
    const entry = isMap(item) ? (item.toJSON() as Record<string, unknown>) : null;
    if (entry === null) {
      problems.push(`${where}: an acceptance is a map of rule, subject, justification, acceptedBy and until`);
      return;
    }
    const text = (field: string): string | null => {
      const value = entry[field];
      // YAML reads an unquoted 2027-03-31 as a string in the core schema; a number or date object is refused.
      if (typeof value === 'string' && value.trim() !== '') return value.trim();
      problems.push(`${where}.${field}: required, a non-empty string`);
      return null;
    };
    for (const field of Object.keys(entry)) {
      if (!['rule', 'subject', 'justification', 'acceptedBy', 'until'].includes(field)) problems.push(`${where}.${field}: unknown field`);
    }
    const [rule, subject, justification, acceptedBy, until] = ['rule', 'subject', 'justification', 'acceptedBy', 'until'].map(text);
    const [kind, ...rest] = subject?.split(':') ?? [];
    const key = rest.join(':');
    if (subject !== null && (!SUBJECT_KINDS.includes(kind as AcceptedSubjectKind) || key === '')) {
      problems.push(`${where}.subject: '${subject}' is not party:KEY, flow:KEY or activity:KEY`);
    }
    if (until !== null && !isCalendarDate(until)) problems.push(`${where}.until: '${until}' is not a date (YYYY-MM-DD)`);
    if (rule !== null && subject !== null && justification !== null && acceptedBy !== null && until !== null) {
      acceptances.push({ rule, subject: { kind: kind as AcceptedSubjectKind, key }, justification, acceptedBy, until, line });
    }
  });
  if (problems.length > 0) throw new BaselineError(problems);
  return acceptances;
}

function keysOf(finding: Finding, kind: AcceptedSubjectKind): readonly string[] {
  if (kind === 'party') return finding.partyKeys;
  if (kind === 'flow') return finding.flowKeys;
  return finding.activityKeys;
}

export function acceptanceMatches(acceptance: Acceptance, finding: Finding): boolean {
  return acceptance.rule === finding.ruleId && keysOf(finding, acceptance.subject.kind).includes(acceptance.subject.key);
}

/** The findings sorted by what the baseline says of them on `today` ('YYYY-MM-DD'). */
export interface BaselineVerdict {
  /** Neither accepted nor covered by an acceptance in force: these gate. */
  open: Finding[];
  /** Covered by an acceptance in force. */
  accepted: { finding: Finding; acceptance: Acceptance }[];
  /** Covered only by acceptances that have lapsed: these gate too. */
  expired: { finding: Finding; acceptance: Acceptance }[];
  /** Acceptances that match no finding any more: the problem is gone (or the key changed), so the line can go. */
  unmatched: Acceptance[];
}

export function applyBaseline(findings: readonly Finding[], acceptances: readonly Acceptance[], today: string): BaselineVerdict {
  const verdict: BaselineVerdict = { open: [], accepted: [], expired: [], unmatched: [] };
  const used = new Set<Acceptance>();
  for (const finding of findings) {
    const matching = acceptances.filter((acceptance) => acceptanceMatches(acceptance, finding));
    matching.forEach((acceptance) => used.add(acceptance));
    const inForce = matching.find((acceptance) => acceptance.until >= today);
    if (inForce) verdict.accepted.push({ finding, acceptance: inForce });
    else if (matching.length > 0) verdict.expired.push({ finding, acceptance: matching.reduce((latest, next) => (next.until > latest.until ? next : latest)) });
    else verdict.open.push(finding);
  }
  verdict.unmatched = acceptances.filter((acceptance) => !used.has(acceptance));
  return verdict;
}
