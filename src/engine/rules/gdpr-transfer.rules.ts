import { EvidenceKind } from '../../domain/evidence-kind';
import { countriesOutside } from '../core/regime-territory';
import { TransferMechanism } from '../../domain/transfer-mechanism';
import { PartyKind } from '../../domain/party-kind';
import { isAdequate, type AdequacyVerdict, type CertificationScheme, type CertificationStanding } from '../../domain/adequacy';
import type { EvidenceRecord } from '../core/inventory-snapshot';
import { evidenceDatedBy, hasValidEvidence } from './evidence-on-record';
import { Severity } from '../core/finding';
import { GDPR_FAMILY, type GdprFamilyLaw } from './gdpr-family';
import { describeHop, type HopRuleContext, mechanismEvidence } from '../core/rule-context';
import { RuleScope, VerdictEffect, type Rule } from '../core/rule-descriptor';

/** Art. 46(2)(c)-(f): safeguards that make a transfer to a country without adequacy lawful. */
const ART46_SAFEGUARDS: readonly TransferMechanism[] = [
  TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES,
  TransferMechanism.BINDING_CORPORATE_RULES,
  TransferMechanism.CODE_OF_CONDUCT,
  TransferMechanism.GDPR_CERTIFICATION,
];

/** Art. 49(1): derogations for specific situations, where neither adequacy nor an Art. 46 safeguard applies. */
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

/** The evidence of certification under each US scheme (Decisions 2000/520/EC, (EU) 2016/1250, (EU) 2023/1795). */
const CERTIFICATION_EVIDENCE: Readonly<Record<CertificationScheme, EvidenceKind>> = {
  SAFE_HARBOUR: EvidenceKind.SAFE_HARBOUR_CERTIFICATION,
  PRIVACY_SHIELD: EvidenceKind.PRIVACY_SHIELD_CERTIFICATION,
  DATA_PRIVACY_FRAMEWORK: EvidenceKind.DPF_CERTIFICATION,
};

function certificationOn(evidence: readonly EvidenceRecord[], kind: EvidenceKind, date: string): CertificationStanding {
  if (hasValidEvidence(evidence, kind, date)) return { certified: true, expiredOn: null };
  const lapsedOn = evidenceDatedBy(evidence, kind, date)
    .map((record) => record.expiresOn)
    .filter((expiresOn) => expiresOn !== null)
    .sort()
    .at(-1);
  return { certified: false, expiredOn: lapsedOn ?? null };
}

/**
 * The destinations of a transfer under the regime that no adequacy decision covers on the day for
 * this recipient: partial decisions cover only US recipients certified under the scheme of the
 * decision in force (Safe Harbour, Privacy Shield, DPF) and Canadian commercial organisations, so
 * the recipient's evidence decides.
 */
function inadequateDestinations(context: HopRuleContext, regime: string): InadequateDestination[] {
  if (!context.hop.transferRegimes.includes(regime)) return [];
  const { evidence } = context.receiver;
  const certification = (scheme: CertificationScheme) => certificationOn(evidence, CERTIFICATION_EVIDENCE[scheme], context.date);
  const standing = {
    certifications: {
      SAFE_HARBOUR: certification('SAFE_HARBOUR'),
      PRIVACY_SHIELD: certification('PRIVACY_SHIELD'),
      DATA_PRIVACY_FRAMEWORK: certification('DATA_PRIVACY_FRAMEWORK'),
    },
    commercialOrganisation: hasValidEvidence(evidence, EvidenceKind.COMMERCIAL_ORGANISATION, context.date),
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
    judgesMechanism: true,
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
 * a day before the decision or after a court declared it invalid (Safe Harbour from 2015-10-06,
 * CJEU C-362/14; Privacy Shield from 2020-07-16, CJEU C-311/18), a US recipient not certified
 * under the scheme of the decision in force, a Canadian recipient that is not a commercial
 * organisation.
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
    judgesMechanism: true,
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
      if (hasValidEvidence(mechanismEvidence(context), EvidenceKind.TRANSFER_IMPACT_ASSESSMENT, context.date)) return null;
      const destinations = inadequateDestinations(context, law.regime);
      if (destinations.length === 0) return null;
      return `${describeHop(context)} transfers data to ${countryList(destinations)} on ${mechanism} with no transfer impact assessment on record`;
    },
  };
}

/** The message for a hop that relies on the derogation for a continuous flow, or one to an SDK that sends whenever the app runs. */
function derogationOnContinuousHop(context: HopRuleContext, regime: string, derogation: TransferMechanism): string | null {
  if (context.hop.mechanism !== derogation) return null;
  const continuous = context.flow.continuous || context.receiver.kind === PartyKind.SDK_PROVIDER;
  if (!continuous) return null;
  const destinations = inadequateDestinations(context, regime);
  if (destinations.length === 0) return null;
  const why = context.flow.continuous ? 'a continuous flow' : `a flow to the SDK ${context.receiver.key}`;
  return `${describeHop(context)} relies on the derogation ${derogation} for ${why} to ${countryList(destinations)}`;
}

/**
 * Recital 111 limits the contract derogations of Art. 49(1)(b)-(c) (and legal claims, (e)) to
 * occasional transfers; a continuous flow, and any SDK that sends data whenever the app runs,
 * needs an Art. 46 safeguard (EDPB Guidelines 2/2018, section 2.2).
 */
export function derogationForContinuousTransfer(law: GdprFamilyLaw): Rule<HopRuleContext> {
  return {
    id: `${law.idPrefix}-DEROGATION-CONTINUOUS`,
    severity: Severity.HIGH,
    verdictEffect: VerdictEffect.UNLAWFUL,
    title: 'Art. 49(1)(b)-(c) contract derogation used for a continuous transfer',
    explanation: 'The contract derogations cover occasional transfers only (recital 111); this flow is continuous or goes to an SDK.',
    legalReference: `${law.lawName} Art. 49(1)(b)-(c), recital 111; EDPB Guidelines 2/2018`,
    scope: RuleScope.HOP,
    regime: law.regime,
    judgesMechanism: true,
    check: (context) => derogationOnContinuousHop(context, law.regime, TransferMechanism.CONTRACT_DEROGATION),
  };
}

/**
 * Art. 49(1)(a) explicit consent carries no "occasional" limit in the text (recital 111 names
 * only (b), (c) and (e)), so a continuous flow on it is not unlawful as such; but the EDPB reads
 * every derogation restrictively, so that the exception does not become the rule (Guidelines
 * 2/2018, section 1), and consent may be withdrawn at any time: worth moving to an Art. 46
 * safeguard. Reading left open by the text: how regular a consented transfer may be.
 */
export function consentDerogationForContinuousTransfer(law: GdprFamilyLaw): Rule<HopRuleContext> {
  return {
    id: `${law.idPrefix}-CONSENT-DEROGATION-CONTINUOUS`,
    severity: Severity.LOW,
    verdictEffect: VerdictEffect.ADVISORY,
    title: 'Art. 49(1)(a) explicit consent relied on for a continuous transfer',
    explanation: 'Explicit consent is not limited to occasional transfers, but the EDPB reads derogations restrictively; a continuous flow is better put on an Art. 46 safeguard.',
    legalReference: `${law.lawName} Art. 49(1)(a), recital 111; EDPB Guidelines 2/2018`,
    scope: RuleScope.HOP,
    regime: law.regime,
    check: (context) => derogationOnContinuousHop(context, law.regime, TransferMechanism.EXPLICIT_CONSENT_DEROGATION),
  };
}

export const GDPR_TRANSFER_RULES: readonly Rule<HopRuleContext>[] = GDPR_FAMILY.flatMap((law) => [
  transferWithoutMechanism(law),
  transferUnderMisappliedAdequacy(law),
  transferWithoutImpactAssessment(law),
  derogationForContinuousTransfer(law),
  consentDerogationForContinuousTransfer(law),
]);
