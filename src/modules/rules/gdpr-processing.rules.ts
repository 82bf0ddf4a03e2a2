import { EvidenceKind } from '../evidence/evidence-kind';
import { isAnonymised } from '../flow-engine/anonymisation';
import { activityCategoryIds } from '../flow-engine/traverse-activity';
import { ENTRUSTED_PARTY_KINDS } from '../party/party-kind';
import { hasRetention } from './everywhere.rules';
import { hasValidEvidence } from './evidence-on-record';
import { Severity } from './finding';
import { GDPR_FAMILY, type GdprFamilyLaw } from './gdpr-family';
import { categoryKeys, describeHop, type ActivityRuleContext, type HopRuleContext } from './rule-context';
import { RuleScope, VerdictEffect, type Rule } from './rule-descriptor';

/**
 * Special-category data (health, biometrics, beliefs, ...; a category under one counts too) may
 * be processed only under one of the conditions of Art. 9(2), which the record must name.
 */
export function specialCategoryWithoutCondition(law: GdprFamilyLaw): Rule<ActivityRuleContext> {
  return {
    id: `${law.idPrefix}-SPECIAL-CATEGORY-NO-ART9`,
    severity: Severity.HIGH,
    verdictEffect: VerdictEffect.UNLAWFUL,
    title: 'Special-category data without an Art. 9(2) condition',
    explanation: 'The activity processes special-category data and no Art. 9(2) condition is on record.',
    legalReference: `${law.lawName} Art. 9`,
    scope: RuleScope.ACTIVITY,
    regime: law.regime,
    check: (context) => {
      if (!context.regimes.includes(law.regime)) return null;
      const special = activityCategoryIds(context.activity).filter((id) => context.index.gdprSpecialCategoryIds.has(id));
      if (special.length === 0) return null;
      if (hasValidEvidence(context.activity.evidence, EvidenceKind.ART9_CONDITION, context.date)) return null;
      return `Activity '${context.activity.key}' processes special-category data (${categoryKeys(context.index, special)}) with no Art. 9(2) condition on record`;
    },
  };
}

/** A processor, or a processor's sub-processor (Art. 28(4)), must be bound by an Art. 28(3) contract. */
export function processorWithoutContract(law: GdprFamilyLaw): Rule<HopRuleContext> {
  return {
    id: `${law.idPrefix}-PROCESSOR-NO-DPA`,
    severity: Severity.HIGH,
    verdictEffect: VerdictEffect.GAP,
    title: 'Processor without a data processing agreement',
    explanation: 'Data goes to a processor or sub-processor with no Art. 28 contract on record.',
    legalReference: `${law.lawName} Art. 28(3)-(4)`,
    scope: RuleScope.HOP,
    regime: law.regime,
    check: (context) => {
      if (!context.hop.regimes.includes(law.regime)) return null;
      if (!ENTRUSTED_PARTY_KINDS.includes(context.receiver.kind)) return null;
      if (hasValidEvidence(context.receiver.evidence, EvidenceKind.DATA_PROCESSING_AGREEMENT, context.date)) return null;
      return `${describeHop(context)} gives data to the ${context.receiver.kind.toLowerCase().replace('_', '-')} ${context.receiver.key}, which has no data processing agreement on record`;
    },
  };
}

/**
 * Which Art. 30(1) items the record of the activity lacks, in the article's order. A hop that
 * carries only anonymised data transfers no personal data (Recital 26), so it needs no safeguard.
 */
function missingRecordItems(context: ActivityRuleContext, regime: string): string[] {
  const activity = context.activity;
  const untransferable = context.hops.filter(
    (hop) => hop.transferRegimes.includes(regime) && hop.mechanism === null && !isAnonymised(hop.safeguards),
  );
  const missing: string[] = [];
  if (activity.purpose.trim() === '') missing.push('purpose (b)');
  if (activity.subjectCategoryIds.length === 0) missing.push('categories of data subjects (c)');
  if (activity.categories.length === 0) missing.push('categories of personal data (c)');
  if (untransferable.length > 0) {
    const countries = [...new Set(untransferable.flatMap((hop) => hop.toCountries))].sort().join(', ');
    missing.push(`safeguards for the transfers to ${countries} (e)`);
  }
  if (!hasRetention(activity)) missing.push('retention (f)');
  return missing;
}

/**
 * The record of processing must state, for each activity, its purpose, the categories of persons
 * and of data, the third countries with their safeguards and the retention (Art. 30(1)(b)-(f)).
 * Recipients (d) come from the flows themselves, so they cannot be missing.
 */
export function recordOfProcessingIncomplete(law: GdprFamilyLaw): Rule<ActivityRuleContext> {
  return {
    id: `${law.idPrefix}-ART30-RECORD-INCOMPLETE`,
    severity: Severity.MEDIUM,
    verdictEffect: VerdictEffect.GAP,
    title: 'Record of processing missing an Art. 30(1) item',
    explanation: 'The activity lacks a purpose, categories of persons or data, safeguards for third-country transfers, or a retention.',
    legalReference: `${law.lawName} Art. 30(1)`,
    scope: RuleScope.ACTIVITY,
    regime: law.regime,
    check: (context) => {
      if (!context.regimes.includes(law.regime)) return null;
      const missing = missingRecordItems(context, law.regime);
      if (missing.length === 0) return null;
      return `The record of activity '${context.activity.key}' lacks: ${missing.join('; ')}`;
    },
  };
}

export const GDPR_HOP_PROCESSING_RULES: readonly Rule<HopRuleContext>[] = GDPR_FAMILY.map(processorWithoutContract);

export const GDPR_ACTIVITY_RULES: readonly Rule<ActivityRuleContext>[] = GDPR_FAMILY.flatMap((law) => [
  specialCategoryWithoutCondition(law),
  recordOfProcessingIncomplete(law),
]);
