import type { Finding } from '../rules/finding';
import { evaluateHopRules } from '../rules/rule-catalogue';
import { hopRuleContext, type MapFacts } from '../rules/rule-context';
import type { DestinationVerdict, Hop } from './data-flow-answer';
import { HopVerdict, hopVerdictOf, lawfulnessOf } from './hop-verdict';
import { transferRegimesOf } from './regime-territory';
import type { PersonContext } from './person-context';
import type { SnapshotIndex } from './snapshot-index';
import type { HopFacts } from './traverse-activity';

export interface JudgedHops {
  hops: Hop[];
  findings: Finding[];
}

/**
 * The verdict for each country a hop reaches, judged as if it reached that country alone: a flow
 * to a processor in IE and the US is not unlawful in IE because its US leg lacks a mechanism
 * (GDPR Art. 44 concerns the transfer to each third country). Only a hop to several countries
 * whose verdict is not LAWFUL needs judging again; otherwise every destination has its verdict.
 */
function destinationVerdictsOf(hopFacts: HopFacts, verdict: HopVerdict, judge: (facts: HopFacts) => Finding[]): DestinationVerdict[] {
  if (hopFacts.toCountries.length < 2 || verdict === HopVerdict.LAWFUL) return hopFacts.toCountries.map((country) => ({ country, verdict }));
  return hopFacts.toCountries.map((country) => {
    const toCountries = [country];
    return { country, verdict: hopVerdictOf(judge({ ...hopFacts, toCountries, transferRegimes: transferRegimesOf(hopFacts.regimes, toCountries) })) };
  });
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
    const judge = (judgedFacts: HopFacts): Finding[] => evaluateHopRules(hopRuleContext(index, judgedFacts, date, person, facts));
    const findings = judge(hopFacts);
    const verdict = hopVerdictOf(findings);
    judged.hops.push({
      ...hopFacts,
      verdict,
      destinationVerdicts: destinationVerdictsOf(hopFacts, verdict, judge),
      lawful: lawfulnessOf(verdict),
      findings,
      reasons: findings.map((finding) => finding.message),
    });
    for (const finding of findings) judged.findings.push(finding);
  }
  return judged;
}
