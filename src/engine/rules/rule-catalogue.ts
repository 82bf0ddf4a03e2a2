import { isAnonymised } from '../core/anonymisation';
import type { PersonContext } from '../core/person-context';
import { AGE_LIMIT_RULES } from './age-limit.rules';
import { AUTOMATED_PROCESSING_RULES } from './automated-processing.rules';
import { EVERYWHERE_ACTIVITY_RULES, EVERYWHERE_HOP_RULES } from './everywhere.rules';
import type { Finding } from '../core/finding';
import { GDPR_ACTIVITY_RULES, GDPR_HOP_PROCESSING_RULES } from './gdpr-processing.rules';
import { GDPR_TRANSFER_RULES } from './gdpr-transfer.rules';
import { MINOR_CONSENT_RULES } from './minor-consent.rules';
import { PIPL_EXPORT_RULES } from './pipl-export.rules';
import { PIPL_ACTIVITY_RULES, PIPL_PROCESSING_HOP_RULES } from './pipl-processing.rules';
import { PIPL_VOLUME_RULES } from './pipl-volume.rules';
import type { ActivityRuleContext, HopRuleContext, PersonRuleContext } from '../core/rule-context';
import { describeRule, VerdictEffect, type Rule, type RuleDescriptor } from '../core/rule-descriptor';

const HOP_RULES: readonly Rule<HopRuleContext>[] = [
  ...GDPR_TRANSFER_RULES,
  ...GDPR_HOP_PROCESSING_RULES,
  ...PIPL_EXPORT_RULES,
  ...PIPL_VOLUME_RULES,
  ...PIPL_PROCESSING_HOP_RULES,
  ...EVERYWHERE_HOP_RULES,
];

const ACTIVITY_RULES: readonly Rule<ActivityRuleContext>[] = [
  ...GDPR_ACTIVITY_RULES,
  ...PIPL_ACTIVITY_RULES,
  ...AUTOMATED_PROCESSING_RULES,
  ...EVERYWHERE_ACTIVITY_RULES,
];

const PERSON_RULES: readonly Rule<PersonRuleContext>[] = [...MINOR_CONSENT_RULES, ...AGE_LIMIT_RULES];

/** Every rule, sorted by id, for the API to list. */
export const RULES: readonly RuleDescriptor[] = [...HOP_RULES, ...ACTIVITY_RULES, ...PERSON_RULES]
  .map(describeRule)
  .sort((a, b) => (a.id < b.id ? -1 : 1));

const VERDICT_EFFECT_BY_RULE: ReadonlyMap<string, VerdictEffect> = new Map(RULES.map((rule) => [rule.id, rule.verdictEffect]));

/** What a finding of the rule means for the verdict; a rule id not in the catalogue is taken as unlawful, never silently as lawful. */
export function verdictEffectOf(ruleId: string): VerdictEffect {
  return VERDICT_EFFECT_BY_RULE.get(ruleId) ?? VerdictEffect.UNLAWFUL;
}

const HOP_RULE_BY_ID: ReadonlyMap<string, { order: number; regime: string | null; judgesMechanism: boolean }> = new Map(
  HOP_RULES.map((rule, order) => [rule.id, { order, regime: rule.regime, judgesMechanism: rule.judgesMechanism === true }]),
);

/** The regime of a hop rule, null for one that applies everywhere. */
export function regimeOfHopRule(ruleId: string): string | null {
  return HOP_RULE_BY_ID.get(ruleId)?.regime ?? null;
}

/** Whether a finding rejects the mechanism under judgement under its rule's regime (an UNLAWFUL finding of a rule that judges mechanisms). */
export function rejectsMechanism(finding: Finding): boolean {
  return (HOP_RULE_BY_ID.get(finding.ruleId)?.judgesMechanism ?? false) && verdictEffectOf(finding.ruleId) === VerdictEffect.UNLAWFUL;
}

/** Findings of hop rules in the catalogue's order, as evaluateHopRules gives them. */
export function inHopRuleOrder(findings: Finding[]): Finding[] {
  const order = (finding: Finding) => HOP_RULE_BY_ID.get(finding.ruleId)?.order ?? Number.MAX_SAFE_INTEGER;
  return findings.sort((a, b) => order(a) - order(b));
}

interface FindingSubjects {
  partyIds: string[];
  flowIds: string[];
  activityIds: string[];
  personIds: string[];
}

// Called for every rule on every hop of a whole map (millions of times at scale): a plain loop,
// and the subjects built only for a hop some rule finds fault with.
function findingsOf<Context>(rules: readonly Rule<Context>[], context: Context, subjectsOf: (context: Context) => FindingSubjects): Finding[] {
  const findings: Finding[] = [];
  let subjects: FindingSubjects | null = null;
  for (const rule of rules) {
    const message = rule.check(context);
    if (message === null) continue;
    subjects ??= subjectsOf(context);
    findings.push({ ruleId: rule.id, severity: rule.severity, legalReference: rule.legalReference, message, ...subjects });
  }
  return findings;
}

function personIdsOf(person: PersonContext | null): string[] {
  return person?.personId ? [person.personId] : [];
}

function hopSubjects(context: HopRuleContext): FindingSubjects {
  return {
    partyIds: [...new Set([context.hop.fromPartyId, context.hop.toPartyId])].sort(),
    flowIds: [context.hop.flowId],
    activityIds: [context.hop.activityId],
    personIds: personIdsOf(context.person),
  };
}

function activitySubjects(context: ActivityRuleContext | PersonRuleContext): FindingSubjects {
  return {
    partyIds: [context.activity.controllerId],
    flowIds: [],
    activityIds: [context.activity.id],
    personIds: personIdsOf(context.person),
  };
}

/**
 * The findings on one hop, from which its verdict follows (hopVerdictOf). A hop that carries only
 * anonymised data carries no personal data (GDPR Recital 26, PIPL Art. 4), so no rule applies to it.
 */
export function evaluateHopRules(context: HopRuleContext): Finding[] {
  if (isAnonymised(context.hop.safeguards)) return [];
  return findingsOf(HOP_RULES, context, hopSubjects);
}

export function evaluateActivityRules(context: ActivityRuleContext): Finding[] {
  return findingsOf(ACTIVITY_RULES, context, activitySubjects);
}

export function evaluatePersonRules(context: PersonRuleContext): Finding[] {
  return findingsOf(PERSON_RULES, context, activitySubjects);
}
