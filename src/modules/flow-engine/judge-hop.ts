import type { Finding } from '../rules/finding';
import { evaluateHopRules } from '../rules/rule-catalogue';
import { hopRuleContext, type MapFacts } from '../rules/rule-context';
import type { Hop } from './data-flow-answer';
import type { PersonContext } from './person-context';
import type { SnapshotIndex } from './snapshot-index';
import type { HopFacts } from './traverse-activity';

export interface JudgedHops {
  hops: Hop[];
  findings: Finding[];
}

/** Runs the hop rules on each hop: a hop is lawful when none fires, and their messages are its reasons. */
export function judgeHops(
  index: SnapshotIndex,
  hops: readonly HopFacts[],
  date: string,
  person: PersonContext | null,
  facts?: MapFacts,
): JudgedHops {
  const judged: JudgedHops = { hops: [], findings: [] };
  for (const hopFacts of hops) {
    const findings = evaluateHopRules(hopRuleContext(index, hopFacts, date, person, facts));
    judged.hops.push({ ...hopFacts, lawful: findings.length === 0, reasons: findings.map((finding) => finding.message) });
    for (const finding of findings) judged.findings.push(finding);
  }
  return judged;
}
