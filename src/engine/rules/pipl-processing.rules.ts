import { isConsentBasis, LegalBasis } from '../../domain/legal-basis';
import { EvidenceKind } from '../../domain/evidence-kind';
import { isAnonymised } from '../core/anonymisation';
import { requireFlow, requireParty } from '../core/snapshot-index';
import { activityCategoryIds, type HopFacts } from '../core/traverse-activity';
import { isEntrustedRecipient, isOtherHandler } from '../../domain/recipient-role';
import { AutomatedDecisions } from '../../modules/activity/automated-decisions';
import { hasValidEvidence } from './evidence-on-record';
import { Severity } from '../core/finding';
import { PIPL } from './pipl-export.rules';
import { categoryKeys, describeHop, type ActivityRuleContext, type HopRuleContext } from '../core/rule-context';
import { RuleScope, VerdictEffect, type Rule } from '../core/rule-descriptor';
import { lacksSeparateConsent, lacksSeparateConsentToRecipient } from './separate-consent';

/** The activity's sensitive categories (Art. 28): those flagged, or all of them for a child under 14. */
function sensitiveCategoryIds(context: ActivityRuleContext): string[] {
  const categoryIds = activityCategoryIds(context.activity);
  return context.concernsChild ? categoryIds : categoryIds.filter((id) => context.index.piplSensitiveCategoryIds.has(id));
}

function describeSensitive(context: ActivityRuleContext, sensitive: readonly string[]): string {
  return `sensitive personal information (${categoryKeys(context.index, sensitive)}${context.concernsChild ? ': a child’s under 14' : ''})`;
}

/** PIPL Art. 13 lists the bases it knows; legitimate interests is not one of them. */
export const activityOnLegitimateInterests: Rule<ActivityRuleContext> = {
  id: 'PIPL-ACTIVITY-LEGITIMATE-INTERESTS',
  severity: Severity.HIGH,
  verdictEffect: VerdictEffect.UNLAWFUL,
  title: 'Activity on legitimate interests under PIPL',
  explanation: 'An activity governed by PIPL rests on legitimate interests, a basis PIPL does not know.',
  legalReference: 'PIPL Art. 13',
  scope: RuleScope.ACTIVITY,
  regime: PIPL,
  check: ({ activity, regimes }) =>
    regimes.includes(PIPL) && activity.legalBasis === LegalBasis.LEGITIMATE_INTERESTS
      ? `Activity '${activity.key}' is governed by PIPL but rests on legitimate interests, which PIPL Art. 13 does not provide`
      : null,
};

/** The same for a hop under PIPL whose basis (its own, or its activity's) is legitimate interests. */
export const hopOnLegitimateInterests: Rule<HopRuleContext> = {
  id: 'PIPL-FLOW-LEGITIMATE-INTERESTS',
  severity: Severity.HIGH,
  verdictEffect: VerdictEffect.UNLAWFUL,
  title: 'Flow on legitimate interests under PIPL',
  explanation: 'A hop governed by PIPL rests on legitimate interests, a basis PIPL does not know.',
  legalReference: 'PIPL Art. 13',
  scope: RuleScope.HOP,
  regime: PIPL,
  check: (context) =>
    context.hop.regimes.includes(PIPL) && context.hop.legalBasis === LegalBasis.LEGITIMATE_INTERESTS
      ? `${describeHop(context)} is governed by PIPL but rests on legitimate interests, which PIPL Art. 13 does not provide`
      : null,
};

/**
 * Sensitive PI (Art. 28) on consent needs a separate consent (Art. 29); see lacksSeparateConsent
 * for other bases. For one child, PIPL-CHILD-NO-SEPARATE-CONSENT says it of the guardian's consent.
 */
export const sensitiveWithoutSeparateConsent: Rule<ActivityRuleContext> = {
  id: 'PIPL-SENSITIVE-NO-SEPARATE-CONSENT',
  severity: Severity.HIGH,
  verdictEffect: VerdictEffect.UNLAWFUL,
  title: 'Sensitive personal information without separate consent',
  explanation: 'A consent-based activity processes sensitive personal information without a separate consent.',
  legalReference: 'PIPL Arts. 28-29',
  scope: RuleScope.ACTIVITY,
  regime: PIPL,
  check: (context) => {
    if (!context.regimes.includes(PIPL) || (context.person !== null && context.concernsChild)) return null;
    const sensitive = sensitiveCategoryIds(context);
    if (sensitive.length === 0) return null;
    if (!lacksSeparateConsent(context.activity.legalBasis, { activityId: context.activity.id }, context.person)) return null;
    const whose = context.person === null ? `on ${context.activity.legalBasis}` : 'without the person’s separate consent';
    return `Activity '${context.activity.key}' processes ${describeSensitive(context, sensitive)} ${whose}`;
  },
};

/** Entrusting processing to another party needs an agreement on purpose, method, categories, protection, rights and duties (Art. 21). */
export const entrustmentWithoutAgreement: Rule<HopRuleContext> = {
  id: 'PIPL-ENTRUSTMENT-NO-AGREEMENT',
  severity: Severity.HIGH,
  verdictEffect: VerdictEffect.GAP,
  title: 'Entrusted processing without an agreement',
  explanation: 'Data governed by PIPL goes to a processor or sub-processor with no Art. 21 agreement on record.',
  legalReference: 'PIPL Art. 21',
  scope: RuleScope.HOP,
  regime: PIPL,
  check: (context) => {
    if (!context.hop.regimes.includes(PIPL) || !isEntrustedRecipient(context.receiver.kind, context.flow.recipientRole)) return null;
    if (hasValidEvidence(context.receiver.evidence, EvidenceKind.PIPL_ENTRUSTMENT_AGREEMENT, context.date)) return null;
    return `${describeHop(context)} entrusts processing to ${context.receiver.key} with no PIPL Art. 21 agreement on record`;
  },
};

/**
 * Providing PI to another handler (an SDK included) on consent needs the person's separate consent
 * (Art. 23), to that recipient: one to the activity given before the flow began does not name it.
 */
export const provisionWithoutSeparateConsent: Rule<HopRuleContext> = {
  id: 'PIPL-PROVISION-NO-SEPARATE-CONSENT',
  severity: Severity.HIGH,
  verdictEffect: VerdictEffect.UNLAWFUL,
  title: 'Provision to another handler without separate consent',
  explanation: 'A consent-based hop gives data to another handler or an SDK without a separate consent, or with one to the activity given before the recipient was added.',
  legalReference: 'PIPL Arts. 13, 14, 23',
  scope: RuleScope.HOP,
  regime: PIPL,
  check: (context) => {
    if (!context.hop.regimes.includes(PIPL) || !isOtherHandler(context.receiver.kind, context.flow.recipientRole)) return null;
    if (!lacksSeparateConsentToRecipient(context.hop.legalBasis, context.flow, context.person)) return null;
    const whose = context.person === null ? `on ${context.hop.legalBasis}` : 'without the person’s separate consent to this recipient';
    return `${describeHop(context)} provides personal information to the handler ${context.receiver.key} ${whose}`;
  },
};

/**
 * Without consent, a provision to another handler is lawful only where it is necessary for the
 * basis claimed (Art. 13(1)(2)-(7): "为...所必需"): an SDK that a contract does not need, on
 * CONTRACT, needs consent after all. Flowmap cannot judge necessity, so it asks for the reason to
 * be recorded on each flow (`necessity`) rather than staying silent. Legitimate interests is
 * PIPL-FLOW-LEGITIMATE-INTERESTS. An activity rule, naming the flows: a reason not yet written
 * down says nothing about whether the hop is lawful.
 */
export const provisionNecessityUnrecorded: Rule<ActivityRuleContext> = {
  id: 'PIPL-PROVISION-NECESSITY-UNRECORDED',
  severity: Severity.LOW,
  verdictEffect: VerdictEffect.GAP,
  title: 'Provision to another handler without consent: necessity to be recorded',
  explanation: 'The activity gives data to another handler or an SDK on a basis other than consent, which holds only where the provision is necessary for that basis, and no reason for the necessity is recorded on the flow.',
  legalReference: 'PIPL Arts. 13(1)(2)-(7), 23',
  scope: RuleScope.ACTIVITY,
  regime: PIPL,
  check: (context) => {
    const unexplained = new Set<string>();
    for (const hop of context.hops) {
      if (!hop.regimes.includes(PIPL) || isConsentBasis(hop.legalBasis) || hop.legalBasis === LegalBasis.LEGITIMATE_INTERESTS) continue;
      const flow = requireFlow(context.index, hop.flowId);
      if (flow.necessity !== null || !isOtherHandler(requireParty(context.index, hop.toPartyId).kind, flow.recipientRole)) continue;
      unexplained.add(`'${flow.key}' (${hop.legalBasis})`);
    }
    if (unexplained.size === 0) return null;
    return `Activity '${context.activity.key}' provides personal information to other handlers without consent on flows ${[...unexplained].join(', ')}: record why each provision is necessary for its basis`;
  },
};

/** Why a hop under PIPL calls for an impact assessment (Art. 55(3)-(4)), or null. */
function impactAssessmentTrigger(context: ActivityRuleContext, hop: HopFacts): string | null {
  if (!hop.regimes.includes(PIPL) || isAnonymised(hop.safeguards)) return null;
  const flow = requireFlow(context.index, hop.flowId);
  if (hasValidEvidence(flow.evidence, EvidenceKind.PI_IMPACT_ASSESSMENT, context.date)) return null;
  const receiver = requireParty(context.index, hop.toPartyId);
  if (hop.transferRegimes.includes(PIPL)) return `exports to ${receiver.key}`;
  if (isEntrustedRecipient(receiver.kind, flow.recipientRole)) return `entrusts ${receiver.key}`;
  if (isOtherHandler(receiver.kind, flow.recipientRole)) return `provides to ${receiver.key}`;
  return null;
}

/**
 * A PI protection impact assessment must precede processing sensitive PI, automated decision-making,
 * entrusting, providing to others and exporting (Art. 55(1)-(4)); one on the activity covers all
 * its flows, one on a flow covers that flow.
 */
export const noImpactAssessment: Rule<ActivityRuleContext> = {
  id: 'PIPL-NO-PIA',
  severity: Severity.MEDIUM,
  verdictEffect: VerdictEffect.GAP,
  title: 'No personal information protection impact assessment',
  explanation: 'The activity processes sensitive PI, makes automated decisions, entrusts, provides to others or exports under PIPL with no impact assessment on record.',
  legalReference: 'PIPL Arts. 55-56',
  scope: RuleScope.ACTIVITY,
  regime: PIPL,
  check: (context) => {
    if (hasValidEvidence(context.activity.evidence, EvidenceKind.PI_IMPACT_ASSESSMENT, context.date)) return null;
    const sensitive = context.regimes.includes(PIPL) ? sensitiveCategoryIds(context) : [];
    const triggers = [
      ...(sensitive.length > 0 ? [`processes ${describeSensitive(context, sensitive)}`] : []),
      ...(context.regimes.includes(PIPL) && context.activity.automatedDecisions !== AutomatedDecisions.NONE ? ['uses personal information for automated decision-making'] : []),
      ...new Set(context.hops.map((hop) => impactAssessmentTrigger(context, hop)).filter((trigger) => trigger !== null)),
    ];
    if (triggers.length === 0) return null;
    return `Activity '${context.activity.key}' ${triggers.join(', ')} with no PI protection impact assessment on record`;
  },
};

export const PIPL_PROCESSING_HOP_RULES: readonly Rule<HopRuleContext>[] = [
  hopOnLegitimateInterests,
  entrustmentWithoutAgreement,
  provisionWithoutSeparateConsent,
];

export const PIPL_ACTIVITY_RULES: readonly Rule<ActivityRuleContext>[] = [
  activityOnLegitimateInterests,
  sensitiveWithoutSeparateConsent,
  noImpactAssessment,
  provisionNecessityUnrecorded,
];
