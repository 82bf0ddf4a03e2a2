import type { Finding } from '../rules/finding';
import { evaluateHopRules } from '../rules/rule-catalogue';
import { hopRuleContext, type MapFacts } from '../rules/rule-context';
import type { Hop } from './data-flow-answer';
import { hopVerdictOf, isLawfulVerdict } from './hop-verdict';
import type { PersonContext } from './person-context';
import type { SnapshotIndex } from './snapshot-index';
import type { HopFacts } from './traverse-activity';

export interface JudgedHops {
  hops: Hop[];
  findings: Finding[];
}

/** Runs the hop rules on each hop: their findings give its verdict, and their messages are its reasons. */
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
    const verdict = hopVerdictOf(findings);
    judged.hops.push({ ...hopFacts, verdict, lawful: isLawfulVerdict(verdict), findings, reasons: findings.map((finding) => finding.message) });
    for (const finding of findings) judged.findings.push(finding);
  }
  return judged;
}
