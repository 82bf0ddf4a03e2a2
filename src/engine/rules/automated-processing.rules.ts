import { AutomatedDecisions } from '../../modules/activity/automated-decisions';
import { isConsentBasis, LegalBasis } from '../../domain/legal-basis';
import { EvidenceKind } from '../../domain/evidence-kind';
import { hasValidEvidence } from './evidence-on-record';
import { Severity } from '../core/finding';
import { GDPR_FAMILY, type GdprFamilyLaw } from './gdpr-family';
import { PIPL } from './pipl-export.rules';
import type { ActivityRuleContext } from '../core/rule-context';
import { RuleScope, VerdictEffect, type Rule } from '../core/rule-descriptor';

/*
 * Personalised advertising and automated decisions, as the activity states them. What the map
 * cannot know: whether the opt-out is as easy as the law asks, whether a decision is really
 * transparent and fair (PIPL Art. 24(1)) or free of unreasonable price discrimination, whether a
 * human review is more than a formality, and whether a consent is explicit (GDPR Art. 22(2)(c)):
 * a consent basis is taken as the explicit consent Art. 22 needs, and a legal obligation as the
 * authorising law of Art. 22(2)(b) with the measures it must lay down.
 */

/**
 * Information pushed or marketing aimed at a person on an automated evaluation of them must come
 * with an option not based on their personal characteristics, or a convenient way to refuse it
 * (PIPL Art. 24(2)).
 */
export const advertisingWithoutOptOut: Rule<ActivityRuleContext> = {
  id: 'PIPL-ADVERTISING-NO-OPT-OUT',
  severity: Severity.MEDIUM,
  verdictEffect: VerdictEffect.GAP,
  title: 'Personalised advertising without a way to refuse it',
  explanation: 'An activity governed by PIPL pushes information or markets on an automated evaluation of the person and offers neither a non-personalised option nor a way to refuse.',
  legalReference: 'PIPL Art. 24(2)',
  scope: RuleScope.ACTIVITY,
  regime: PIPL,
  check: ({ activity, regimes }) => {
    if (!regimes.includes(PIPL) || !activity.personalisedAdvertising || activity.advertisingOptOut) return null;
    return `Activity '${activity.key}' pushes personalised information or marketing with neither an option not based on personal characteristics nor a convenient way to refuse`;
  },
};

/**
 * A decision of significant impact made by automated means gives the person the right to an
 * explanation and to refuse a decision made solely by automated means (PIPL Art. 24(3)).
 */
export const significantDecisionWithoutRefusal: Rule<ActivityRuleContext> = {
  id: 'PIPL-AUTOMATED-DECISION-NO-REFUSAL',
  severity: Severity.HIGH,
  verdictEffect: VerdictEffect.GAP,
  title: 'Significant automated decisions without explanation or refusal',
  explanation: 'An activity governed by PIPL makes automated decisions of significant impact and offers the person neither an explanation nor a way to refuse a solely automated decision.',
  legalReference: 'PIPL Art. 24(3)',
  scope: RuleScope.ACTIVITY,
  regime: PIPL,
  check: ({ activity, regimes }) => {
    if (!regimes.includes(PIPL) || activity.automatedDecisions !== AutomatedDecisions.SIGNIFICANT || activity.humanReview) return null;
    return `Activity '${activity.key}' makes automated decisions of significant impact on persons with no right on record to an explanation or to refuse a solely automated decision`;
  },
};

/**
 * The person may object at any time to processing for direct marketing, profiling included, and
 * the data is then no longer processed for it (Art. 21(2)-(3)); the right must be brought to
 * their attention (Art. 21(4)). The map records personalised advertising only; other direct
 * marketing is not flagged.
 */
export function marketingWithoutObjection(law: GdprFamilyLaw): Rule<ActivityRuleContext> {
  return {
    id: `${law.idPrefix}-MARKETING-NO-OBJECTION`,
    severity: Severity.MEDIUM,
    verdictEffect: VerdictEffect.GAP,
    title: 'Personalised marketing without the right to object',
    explanation: 'The activity markets to persons on a profile of them and records no way for them to object to it.',
    legalReference: `${law.lawName} Art. 21(2)-(4)`,
    scope: RuleScope.ACTIVITY,
    regime: law.regime,
    check: ({ activity, regimes }) => {
      if (!regimes.includes(law.regime) || !activity.personalisedAdvertising || activity.advertisingOptOut) return null;
      return `Activity '${activity.key}' uses personal data for personalised direct marketing with no way on record to object to it`;
    },
  };
}

/** The bases that can carry a solely automated decision of significant effect (Art. 22(2)). */
function allowsSignificantDecision(legalBasis: LegalBasis): boolean {
  return legalBasis === LegalBasis.CONTRACT || legalBasis === LegalBasis.LEGAL_OBLIGATION || isConsentBasis(legalBasis);
}

/**
 * A decision based solely on automated processing with legal or similarly significant effects is
 * allowed only when necessary for a contract, authorised by law, or on explicit consent
 * (Art. 22(1)-(2)); on a contract or consent, the person must be able to obtain human
 * intervention, state their view and contest it (Art. 22(3)).
 */
export function significantDecisionUnlawful(law: GdprFamilyLaw): Rule<ActivityRuleContext> {
  return {
    id: `${law.idPrefix}-AUTOMATED-DECISION-UNLAWFUL`,
    severity: Severity.HIGH,
    verdictEffect: VerdictEffect.UNLAWFUL,
    title: 'Solely automated decisions without an Art. 22 exception or safeguards',
    explanation: 'The activity takes solely automated decisions with legal or similarly significant effects on a basis Art. 22(2) does not allow, or without the human intervention Art. 22(3) requires.',
    legalReference: `${law.lawName} Art. 22`,
    scope: RuleScope.ACTIVITY,
    regime: law.regime,
    check: ({ activity, regimes }) => {
      if (!regimes.includes(law.regime) || activity.automatedDecisions !== AutomatedDecisions.SIGNIFICANT) return null;
      if (!allowsSignificantDecision(activity.legalBasis)) {
        return `Activity '${activity.key}' takes solely automated decisions with significant effects on ${activity.legalBasis}, which is neither a contract, an authorising law nor explicit consent`;
      }
      if (activity.legalBasis !== LegalBasis.LEGAL_OBLIGATION && !activity.humanReview) {
        return `Activity '${activity.key}' takes solely automated decisions with significant effects on ${activity.legalBasis} with no human intervention, statement of view or contest on record`;
      }
      return null;
    },
  };
}

/**
 * A systematic and extensive evaluation of personal aspects by automated processing on which
 * decisions with legal or similarly significant effects are based needs an impact assessment
 * first (Art. 35(3)(a)). The map sees only the solely automated ones (SIGNIFICANT); an evaluation
 * a human merely signs off is recorded as AUTOMATED and escapes this rule.
 */
export function significantDecisionWithoutAssessment(law: GdprFamilyLaw): Rule<ActivityRuleContext> {
  return {
    id: `${law.idPrefix}-NO-DPIA`,
    severity: Severity.MEDIUM,
    verdictEffect: VerdictEffect.GAP,
    title: 'Automated decisions of significant effect without a DPIA',
    explanation: 'The activity bases decisions with legal or similarly significant effects on automated evaluation and no data protection impact assessment is on record.',
    legalReference: `${law.lawName} Art. 35(1), (3)(a)`,
    scope: RuleScope.ACTIVITY,
    regime: law.regime,
    check: ({ activity, regimes, date }) => {
      if (!regimes.includes(law.regime) || activity.automatedDecisions !== AutomatedDecisions.SIGNIFICANT) return null;
      if (hasValidEvidence(activity.evidence, EvidenceKind.DATA_PROTECTION_IMPACT_ASSESSMENT, date)) return null;
      return `Activity '${activity.key}' bases decisions with significant effects on automated evaluation with no data protection impact assessment on record`;
    },
  };
}

export const AUTOMATED_PROCESSING_RULES: readonly Rule<ActivityRuleContext>[] = [
  advertisingWithoutOptOut,
  significantDecisionWithoutRefusal,
  ...GDPR_FAMILY.flatMap((law) => [marketingWithoutObjection(law), significantDecisionUnlawful(law), significantDecisionWithoutAssessment(law)]),
];
