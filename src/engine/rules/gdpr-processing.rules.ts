import { LegalBasis } from '../../domain/legal-basis';
import { EvidenceKind } from '../../domain/evidence-kind';
import { isAnonymised } from '../core/anonymisation';
import { isEntrustedRecipient } from '../../domain/recipient-role';
import { requireParty } from '../core/snapshot-index';
import { sortedUnique } from '../core/sorted-unique';
import { activityCategoryIds } from '../core/traverse-activity';
import { hasRetention } from './everywhere.rules';
import { hasValidEvidence } from './evidence-on-record';
import { Severity } from '../core/finding';
import { GDPR_FAMILY, type GdprFamilyLaw } from './gdpr-family';
import { categoryKeys, describeHop, type ActivityRuleContext, type HopRuleContext } from '../core/rule-context';
import { RuleScope, VerdictEffect, type Rule } from '../core/rule-descriptor';

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
      if (!isEntrustedRecipient(context.receiver.kind, context.flow.recipientRole)) return null;
      if (hasValidEvidence(context.receiver.evidence, EvidenceKind.DATA_PROCESSING_AGREEMENT, context.date)) return null;
      return `${describeHop(context)} gives data to the ${context.receiver.kind.toLowerCase().replace('_', '-')} ${context.receiver.key}, which has no data processing agreement on record`;
    },
  };
}

/**
 * Which Art. 30(1) items the record of the activity lacks, in the article's order. Every party
 * has a name (required on write), so of (a) only the controller's contact can be missing: the
 * contact on record for it (RECIPIENT_CONTACT evidence). The recipients (d) are those of the
 * activity's hops, so they cannot be missing; the third countries (e) can, where a recipient has
 * no country on record. The DPO's contact is asked "where applicable" (Art. 37), which the map
 * cannot tell, so it is not checked. The safeguards of (e) are asked only for transfers under the second subparagraph of Art. 49(1),
 * which the map does not record as a mechanism; a transfer on no mechanism is a Chapter V
 * finding, not a gap in the record. A hop carrying only anonymised data transfers no personal
 * data (Recital 26). Retention (f) and security measures (g) are asked "where possible": the
 * record lacks them when it states none.
 */
function missingRecordItems(context: ActivityRuleContext): string[] {
  const { activity, index } = context;
  const controller = requireParty(index, activity.controllerId);
  const unplacedHops = context.hops.filter((hop) => hop.toCountries.length === 0 && !isAnonymised(hop.safeguards));
  const missing: string[] = [];
  if (!hasValidEvidence(controller.evidence, EvidenceKind.RECIPIENT_CONTACT, context.date)) {
    missing.push(`contact details of the controller ${controller.key} (a)`);
  }
  if (activity.purpose.trim() === '') missing.push('purpose (b)');
  if (activity.subjectCategoryIds.length === 0) missing.push('categories of data subjects (c)');
  if (activity.categories.length === 0) missing.push('categories of personal data (c)');
  const nowhere = sortedUnique(unplacedHops.map((hop) => requireParty(index, hop.toPartyId).key));
  if (nowhere.length > 0) missing.push(`countries of the recipients ${nowhere.join(', ')} (e)`);
  if (!hasRetention(activity)) missing.push('retention (f)');
  if (activity.securityMeasures.length === 0) missing.push('security measures (g)');
  return missing;
}

/**
 * The record of processing must state, for each activity, the controller's name and contact,
 * its purpose, the categories of persons and of data, its recipients, the third countries, the
 * retention and the security measures (Art. 30(1)(a)-(g)).
 */
export function recordOfProcessingIncomplete(law: GdprFamilyLaw): Rule<ActivityRuleContext> {
  return {
    id: `${law.idPrefix}-ART30-RECORD-INCOMPLETE`,
    severity: Severity.MEDIUM,
    verdictEffect: VerdictEffect.GAP,
    title: 'Record of processing missing an Art. 30(1) item',
    explanation:
      "The activity's record lacks the controller's contact, a purpose, categories of persons or data, a recipient's country, a retention or security measures.",
    legalReference: `${law.lawName} Art. 30(1)`,
    scope: RuleScope.ACTIVITY,
    regime: law.regime,
    check: (context) => {
      if (!context.regimes.includes(law.regime)) return null;
      const missing = missingRecordItems(context);
      if (missing.length === 0) return null;
      return `The record of activity '${context.activity.key}' lacks: ${missing.join('; ')}`;
    },
  };
}

/**
 * Art. 6(1) is exhaustive: processing is lawful only on one of (a)-(f). PUBLICLY_DISCLOSED is
 * PIPL's Art. 13(1)(6); Art. 9(2)(e) (data manifestly made public) is a condition for special
 * categories, which Art. 9 adds to an Art. 6 basis, never a basis by itself.
 */
function piplOnlyBasisRule<Context>(
  law: GdprFamilyLaw,
  scope: RuleScope.ACTIVITY | RuleScope.HOP,
  described: (context: Context) => string | null,
): Rule<Context> {
  const subject = scope === RuleScope.ACTIVITY ? 'Activity' : 'Flow';
  return {
    id: `${law.idPrefix}-${subject.toUpperCase()}-PUBLICLY-DISCLOSED`,
    severity: Severity.HIGH,
    verdictEffect: VerdictEffect.UNLAWFUL,
    title: `${subject} on a basis ${law.lawName} does not know ("publicly disclosed")`,
    explanation:
      "'Publicly disclosed' is a basis of PIPL Art. 13(1)(6) only. Art. 6(1) lists six bases and this is none of them; data the person made public still needs one (Art. 9(2)(e) lifts only the ban on special categories).",
    legalReference: `${law.lawName} Art. 6(1), Art. 9(2)(e)`,
    scope,
    regime: law.regime,
    check: (context) => {
      const what = described(context);
      return what === null ? null : `${what} is governed by ${law.lawName} but rests on PUBLICLY_DISCLOSED, which is no ${law.lawName} Art. 6(1) basis`;
    },
  };
}

export function activityOnPiplOnlyBasis(law: GdprFamilyLaw): Rule<ActivityRuleContext> {
  return piplOnlyBasisRule<ActivityRuleContext>(law, RuleScope.ACTIVITY, ({ activity, regimes }) =>
    regimes.includes(law.regime) && activity.legalBasis === LegalBasis.PUBLICLY_DISCLOSED ? `Activity '${activity.key}'` : null,
  );
}

/** The same for a hop whose basis, its own or its activity's, is PUBLICLY_DISCLOSED. */
export function hopOnPiplOnlyBasis(law: GdprFamilyLaw): Rule<HopRuleContext> {
  return piplOnlyBasisRule<HopRuleContext>(law, RuleScope.HOP, (context) =>
    context.hop.regimes.includes(law.regime) && context.hop.legalBasis === LegalBasis.PUBLICLY_DISCLOSED ? describeHop(context) : null,
  );
}

export const GDPR_HOP_PROCESSING_RULES: readonly Rule<HopRuleContext>[] = GDPR_FAMILY.flatMap((law) => [
  processorWithoutContract(law),
  hopOnPiplOnlyBasis(law),
]);

export const GDPR_ACTIVITY_RULES: readonly Rule<ActivityRuleContext>[] = GDPR_FAMILY.flatMap((law) => [
  specialCategoryWithoutCondition(law),
  recordOfProcessingIncomplete(law),
  activityOnPiplOnlyBasis(law),
]);
