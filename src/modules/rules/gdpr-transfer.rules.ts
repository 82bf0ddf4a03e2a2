import { EvidenceKind } from '../evidence/evidence-kind';
import { countriesOutside } from '../flow-engine/regime-territory';
import { TransferMechanism } from '../flow/transfer-mechanism';
import { PartyKind } from '../party/party-kind';
import { isAdequate, type AdequacyVerdict } from '../reference/adequacy';
import { hasValidEvidence } from './evidence-on-record';
import { Severity } from './finding';
import { GDPR_FAMILY, type GdprFamilyLaw } from './gdpr-family';
import { describeHop, type HopRuleContext } from './rule-context';
import { RuleScope, VerdictEffect, type Rule } from './rule-descriptor';

/** Art. 46(2)(c)-(f): safeguards that make a transfer to a country without adequacy lawful. */
const ART46_SAFEGUARDS: readonly TransferMechanism[] = [
  TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES,
  TransferMechanism.BINDING_CORPORATE_RULES,
  TransferMechanism.CODE_OF_CONDUCT,
  TransferMechanism.GDPR_CERTIFICATION,
];

/** Art. 49(1): derogations, for specific situations and occasional transfers only. */
const ART49_DEROGATIONS: readonly TransferMechanism[] = [
  TransferMechanism.EXPLICIT_CONSENT_DEROGATION,
  TransferMechanism.CONTRACT_DEROGATION,
];

/** Safeguards that Schrems II (CJEU C-311/18) requires to be assessed against the destination's law. */
const ASSESSED_SAFEGUARDS: readonly TransferMechanism[] = [
  TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES,
  TransferMechanism.BINDING_CORPORATE_RULES,
];

interface InadequateDestination {
  country: string;
  verdict: AdequacyVerdict;
}

/**
 * The destinations of a transfer under the regime that no adequacy decision covers on the day for
 * this recipient: partial decisions cover only DPF-certified US recipients and Canadian
 * commercial organisations, so the recipient's evidence decides.
 */
function inadequateDestinations(context: HopRuleContext, regime: string): InadequateDestination[] {
  if (!context.hop.transferRegimes.includes(regime)) return [];
  const standing = {
    dpfCertified: hasValidEvidence(context.receiver.evidence, EvidenceKind.DPF_CERTIFICATION, context.date),
    commercialOrganisation: hasValidEvidence(context.receiver.evidence, EvidenceKind.COMMERCIAL_ORGANISATION, context.date),
  };
  return countriesOutside(regime, context.hop.toCountries)
    .map((country) => ({ country, verdict: isAdequate(regime, country, context.date, standing) }))
    .filter((destination) => !destination.verdict.adequate);
}

function countryList(destinations: readonly InadequateDestination[]): string {
  return destinations.map((destination) => destination.country).join(', ');
}

/**
 * A transfer to a country not adequate on the day, with no Art. 46 safeguard and no Art. 49
 * derogation: Chapter V allows it on no ground. A flow claiming adequacy is left to
 * transferUnderMisappliedAdequacy, which says why adequacy does not cover it.
 */
export function transferWithoutMechanism(law: GdprFamilyLaw): Rule<HopRuleContext> {
  return {
    id: `${law.idPrefix}-TRANSFER-NO-MECHANISM`,
    severity: Severity.CRITICAL,
    verdictEffect: VerdictEffect.UNLAWFUL,
    title: 'Transfer to a country without adequacy, safeguard or derogation',
    explanation: `Data leaves ${law.lawName} territory for a country not adequate on that day, and the flow names no Art. 46 safeguard and no Art. 49 derogation.`,
    legalReference: `${law.lawName} Arts. 44-46, 49`,
    scope: RuleScope.HOP,
    regime: law.regime,
    check: (context) => {
      const mechanism = context.hop.mechanism;
      if (mechanism === TransferMechanism.ADEQUACY_DECISION) return null;
      if (mechanism !== null && [...ART46_SAFEGUARDS, ...ART49_DEROGATIONS].includes(mechanism)) return null;
      const destinations = inadequateDestinations(context, law.regime);
      if (destinations.length === 0) return null;
      return `${describeHop(context)} transfers data to ${countryList(destinations)}, not adequate under ${law.lawName} on ${context.date}, with ${mechanism === null ? 'no transfer mechanism' : `${mechanism}, which is no ${law.lawName} mechanism`}`;
    },
  };
}

/**
 * Adequacy claimed where no decision covers the transfer on the day: a country without a decision,
 * a day before the decision, a US recipient without DPF certification, a Canadian recipient that
 * is not a commercial organisation.
 */
export function transferUnderMisappliedAdequacy(law: GdprFamilyLaw): Rule<HopRuleContext> {
  return {
    id: `${law.idPrefix}-ADEQUACY-MISAPPLIED`,
    severity: Severity.HIGH,
    verdictEffect: VerdictEffect.UNLAWFUL,
    title: 'Adequacy claimed where it does not apply',
    explanation: 'The flow relies on an adequacy decision that does not cover this destination, this recipient or this day.',
    legalReference: `${law.lawName} Art. 45`,
    scope: RuleScope.HOP,
    regime: law.regime,
    check: (context) => {
      if (context.hop.mechanism !== TransferMechanism.ADEQUACY_DECISION) return null;
      const destinations = inadequateDestinations(context, law.regime);
      if (destinations.length === 0) return null;
      const reasons = destinations.map((destination) => destination.verdict.reason).join('; ');
      return `${describeHop(context)} claims adequacy under ${law.lawName} on ${context.date}, but ${reasons}`;
    },
  };
}

/**
 * SCCs or BCRs to a country without adequacy need an assessment that the destination's law lets
 * the recipient honour them, and supplementary measures where it does not (CJEU C-311/18
 * Schrems II; EDPB Recommendations 01/2020).
 */
export function transferWithoutImpactAssessment(law: GdprFamilyLaw): Rule<HopRuleContext> {
  return {
    id: `${law.idPrefix}-TRANSFER-NO-TIA`,
    severity: Severity.MEDIUM,
    verdictEffect: VerdictEffect.GAP,
    title: 'SCC or BCR transfer without a transfer impact assessment',
    explanation: 'A transfer on SCCs or BCRs to a country without adequacy has no transfer impact assessment on record.',
    legalReference: `${law.lawName} Art. 46(1); CJEU C-311/18 (Schrems II)`,
    scope: RuleScope.HOP,
    regime: law.regime,
    check: (context) => {
      const mechanism = context.hop.mechanism;
      if (mechanism === null || !ASSESSED_SAFEGUARDS.includes(mechanism)) return null;
      if (hasValidEvidence(context.flow.evidence, EvidenceKind.TRANSFER_IMPACT_ASSESSMENT, context.date)) return null;
      const destinations = inadequateDestinations(context, law.regime);
      if (destinations.length === 0) return null;
      return `${describeHop(context)} transfers data to ${countryList(destinations)} on ${mechanism} with no transfer impact assessment on record`;
    },
  };
}

/**
 * Art. 49 derogations cover occasional transfers only; a continuous flow, and any SDK that sends
 * data whenever the app runs, needs an Art. 46 safeguard (EDPB Guidelines 2/2018, section 1).
 */
export function derogationForContinuousTransfer(law: GdprFamilyLaw): Rule<HopRuleContext> {
  return {
    id: `${law.idPrefix}-DEROGATION-CONTINUOUS`,
    severity: Severity.HIGH,
    verdictEffect: VerdictEffect.UNLAWFUL,
    title: 'Art. 49 derogation used for a continuous transfer',
    explanation: 'An Art. 49 derogation covers occasional transfers; this flow is continuous or goes to an SDK.',
    legalReference: `${law.lawName} Art. 49(1); EDPB Guidelines 2/2018`,
    scope: RuleScope.HOP,
    regime: law.regime,
    check: (context) => {
      const mechanism = context.hop.mechanism;
      if (mechanism === null || !ART49_DEROGATIONS.includes(mechanism)) return null;
      const continuous = context.flow.continuous || context.receiver.kind === PartyKind.SDK_PROVIDER;
      if (!continuous) return null;
      const destinations = inadequateDestinations(context, law.regime);
      if (destinations.length === 0) return null;
      const why = context.flow.continuous ? 'a continuous flow' : `a flow to the SDK ${context.receiver.key}`;
      return `${describeHop(context)} relies on the derogation ${mechanism} for ${why} to ${countryList(destinations)}`;
    },
  };
}

export const GDPR_TRANSFER_RULES: readonly Rule<HopRuleContext>[] = GDPR_FAMILY.flatMap((law) => [
  transferWithoutMechanism(law),
  transferUnderMisappliedAdequacy(law),
  transferWithoutImpactAssessment(law),
  derogationForContinuousTransfer(law),
]);
