import type { Finding } from '../core/finding';
import { evaluateHopRules, inHopRuleOrder, regimeOfHopRule, rejectsMechanism } from '../rules/rule-catalogue';
import { hopRuleContext, type MapFacts } from '../core/rule-context';
import type { DestinationVerdict, Hop, MechanismTrial, ReliedMechanism } from '../core/data-flow-answer';
import { HopVerdict, isLawfulVerdict } from '../core/hop-verdict';
import { hopVerdictOf } from './hop-verdict-of';
import { transferRegimesOf } from '../core/regime-territory';
import type { PersonContext } from '../core/person-context';
import type { SnapshotIndex } from '../core/snapshot-index';
import type { HopFacts } from '../core/traverse-activity';
import type { SnapshotMechanism } from '../core/inventory-snapshot';
import { requireFlow } from '../core/snapshot-index';

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

interface MechanismJudgement {
  entry: SnapshotMechanism | null;
  position: number;
  findings: Finding[];
}

/** The hop judged on its mechanisms: the findings of the mechanism relied on under each regime, and what was tried. */
interface MechanismVerdict {
  findings: Finding[];
  mechanism: Hop['mechanism'];
  reliedOnMechanisms: ReliedMechanism[];
  mechanismTrials: MechanismTrial[];
}

/**
 * Judges a hop on each of its flow's mechanisms in order and, under each regime for which it is a
 * transfer, relies on the first that no finding of that regime rejects (GDPR Arts. 45, 46 and 49
 * are alternatives, as are the mechanisms of PIPL Art. 38(1): one that holds suffices). The hop's
 * findings are those of the mechanism relied on under each such regime (the first mechanism's
 * when none holds: its faults are the ones to fix), and the first mechanism's for every other
 * rule. With one mechanism or none, that is a single judgement.
 */
function judgeOnMechanisms(hopFacts: HopFacts, judgeWith: (facts: HopFacts, entry: SnapshotMechanism | null) => Finding[], entries: readonly SnapshotMechanism[]): MechanismVerdict {
  const candidates: (SnapshotMechanism | null)[] = entries.length === 0 ? [null] : [...entries];
  const judgements: MechanismJudgement[] = [];
  const judgementAt = (position: number): MechanismJudgement => {
    // Fallbacks are judged only when the mechanisms before them fail.
    while (judgements.length <= position) {
      const entry = candidates[judgements.length];
      judgements.push({ entry, position: judgements.length, findings: judgeWith({ ...hopFacts, mechanism: entry?.mechanism ?? null }, entry) });
    }
    return judgements[position];
  };
  const first = judgementAt(0);
  const reliedOnMechanisms: ReliedMechanism[] = [];
  const mechanismTrials: MechanismTrial[] = [];
  const chosenByRegime = new Map<string, MechanismJudgement>();
  for (const regime of hopFacts.transferRegimes) {
    chosenByRegime.set(regime, first);
    if (entries.length === 0) continue;
    for (let position = 0; position < candidates.length; position += 1) {
      const judgement = judgementAt(position);
      const rejections = judgement.findings.filter((finding) => regimeOfHopRule(finding.ruleId) === regime && rejectsMechanism(finding));
      const mechanism = (judgement.entry as SnapshotMechanism).mechanism;
      mechanismTrials.push({ regime, mechanism, position, holds: rejections.length === 0, reasons: rejections.map((finding) => finding.message) });
      if (rejections.length === 0) {
        reliedOnMechanisms.push({ regime, mechanism, position });
        chosenByRegime.set(regime, judgement);
        break;
      }
    }
  }
  const mechanism = reliedOnMechanisms[0]?.mechanism ?? entries[0]?.mechanism ?? null;
  if (judgements.length === 1) return { findings: first.findings, mechanism, reliedOnMechanisms, mechanismTrials };
  const findings = [
    ...first.findings.filter((finding) => !chosenByRegime.has(regimeOfHopRule(finding.ruleId) ?? '')),
    ...[...chosenByRegime].flatMap(([regime, judgement]) => judgement.findings.filter((finding) => regimeOfHopRule(finding.ruleId) === regime)),
  ];
  return { findings: inHopRuleOrder(findings), mechanism, reliedOnMechanisms, mechanismTrials };
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
    const entries = requireFlow(index, hopFacts.flowId).mechanisms;
    const judgeWith = (judgedFacts: HopFacts, entry: SnapshotMechanism | null): Finding[] =>
      evaluateHopRules(hopRuleContext(index, judgedFacts, date, person, facts, entry));
    const judge = (judgedFacts: HopFacts): Finding[] => judgeOnMechanisms(judgedFacts, judgeWith, entries).findings;
    const { findings, mechanism, reliedOnMechanisms, mechanismTrials } = judgeOnMechanisms(hopFacts, judgeWith, entries);
    const verdict = hopVerdictOf(findings);
    judged.hops.push({
      ...hopFacts,
      mechanism,
      reliedOnMechanisms,
      mechanismTrials,
      verdict,
      destinationVerdicts: destinationVerdictsOf(hopFacts, verdict, judge),
      lawful: isLawfulVerdict(verdict),
      findings,
      reasons: findings.map((finding) => finding.message),
    });
    for (const finding of findings) judged.findings.push(finding);
  }
  return judged;
}
