import { groupBy } from '../../common/collections';
import { isInForce } from '../../common/dates';
import { isAnonymised } from '../flow-engine/anonymisation';
import { readAsOf } from '../flow-engine/as-of';
import type { InventorySnapshot } from '../flow-engine/inventory-snapshot';
import type { JudgedHops } from '../flow-engine/judge-hop';
import type { PersonContext } from '../flow-engine/person-context';
import { toSnapshotIndex, type SnapshotIndex } from '../flow-engine/snapshot-index';
import { EVERYWHERE_ACTIVITY_RULES, EVERYWHERE_HOP_RULES } from './everywhere.rules';
import { distinctFindings, type Finding } from './finding';
import { GDPR_ACTIVITY_RULES, GDPR_HOP_PROCESSING_RULES } from './gdpr-processing.rules';
import { GDPR_TRANSFER_RULES } from './gdpr-transfer.rules';
import { MINOR_CONSENT_RULES } from './minor-consent.rules';
import { PIPL_EXPORT_RULES } from './pipl-export.rules';
import { PIPL_ACTIVITY_RULES, PIPL_PROCESSING_HOP_RULES } from './pipl-processing.rules';
import { PIPL_VOLUME_RULES } from './pipl-volume.rules';
import { activityRuleContext, type ActivityRuleContext, type HopRuleContext, type PersonRuleContext } from './rule-context';
import { describeRule, type Rule, type RuleDescriptor } from './rule-descriptor';

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
  ...EVERYWHERE_ACTIVITY_RULES,
];

const PERSON_RULES: readonly Rule<PersonRuleContext>[] = MINOR_CONSENT_RULES;

/** Every rule, sorted by id, for the API to list. */
export const RULES: readonly RuleDescriptor[] = [...HOP_RULES, ...ACTIVITY_RULES, ...PERSON_RULES]
  .map(describeRule)
  .sort((a, b) => (a.id < b.id ? -1 : 1));

interface FindingSubjects {
  partyIds: string[];
  flowIds: string[];
  activityIds: string[];
  personIds: string[];
}

function findingsOf<Context>(rules: readonly Rule<Context>[], context: Context, subjects: FindingSubjects): Finding[] {
  return rules.flatMap((rule) => {
    const message = rule.check(context);
    return message === null
      ? []
      : [{ ruleId: rule.id, severity: rule.severity, legalReference: rule.legalReference, message, ...subjects }];
  });
}

function personIdsOf(person: PersonContext | null): string[] {
  return person?.personId ? [person.personId] : [];
}

/**
 * The findings on one hop; the hop is lawful when there are none. A hop that carries only
 * anonymised data carries no personal data (GDPR Recital 26, PIPL Art. 4), so no rule applies to it.
 */
export function evaluateHopRules(context: HopRuleContext): Finding[] {
  if (isAnonymised(context.hop.safeguards)) return [];
  return findingsOf(HOP_RULES, context, {
    partyIds: [...new Set([context.hop.fromPartyId, context.hop.toPartyId])].sort(),
    flowIds: [context.hop.flowId],
    activityIds: [context.hop.activityId],
    personIds: personIdsOf(context.person),
  });
}

export function evaluateActivityRules(context: ActivityRuleContext): Finding[] {
  return findingsOf(ACTIVITY_RULES, context, {
    partyIds: [context.activity.controllerId],
    flowIds: [],
    activityIds: [context.activity.id],
    personIds: personIdsOf(context.person),
  });
}

export function evaluatePersonRules(context: PersonRuleContext): Finding[] {
  return findingsOf(PERSON_RULES, context, {
    partyIds: [context.activity.controllerId],
    flowIds: [],
    activityIds: [context.activity.id],
    personIds: personIdsOf(context.person),
  });
}

/**
 * Inventory-wide findings as of a moment: the judged hops' (see judgeInventory) and every activity
 * in force's, one per rule and subjects, most severe first.
 */
export function evaluateInventoryFindings(source: InventorySnapshot | SnapshotIndex, judged: JudgedHops, asOf: string): Finding[] {
  const index = toSnapshotIndex(source);
  const { date } = readAsOf(asOf);
  const hopsByActivity = groupBy(judged.hops, (hop) => hop.activityId);
  const activityFindings = index.activities
    .filter((activity) => isInForce(activity.effectiveFrom, activity.effectiveTo, date))
    .flatMap((activity) =>
      evaluateActivityRules(activityRuleContext(index, activity, date, hopsByActivity.get(activity.id) ?? [], null)),
    );
  return distinctFindings([...judged.findings, ...activityFindings]);
}
