import { EvidenceKind } from '../../domain/evidence-kind';
import { countriesOutside } from '../core/regime-territory';
import { TransferMechanism } from '../../domain/transfer-mechanism';
import { evidenceDatedBy, hasValidEvidence, isValidOn } from './evidence-on-record';
import { Severity } from '../core/finding';
import { describeHop, type HopRuleContext, mechanismEvidence } from '../core/rule-context';
import { RuleScope, VerdictEffect, type Rule } from '../core/rule-descriptor';
import { lacksSeparateConsentToRecipient } from './separate-consent';

export const PIPL = 'PIPL';

/** PIPL Art. 38(1)(1)-(3), and the exemptions of the 2024 Provisions (Arts. 3-6). */
const ART38_MECHANISMS: readonly TransferMechanism[] = [
  TransferMechanism.CAC_SECURITY_ASSESSMENT,
  TransferMechanism.PIPL_CERTIFICATION,
  TransferMechanism.PIPL_STANDARD_CONTRACT,
  TransferMechanism.PIPL_EXEMPTION,
];

/** The record that shows a claimed mechanism was actually put in place. */
const FILING_OF: ReadonlyMap<TransferMechanism, EvidenceKind> = new Map([
  [TransferMechanism.PIPL_STANDARD_CONTRACT, EvidenceKind.PIPL_STANDARD_CONTRACT_FILING],
  [TransferMechanism.CAC_SECURITY_ASSESSMENT, EvidenceKind.CAC_ASSESSMENT_PASSED],
  [TransferMechanism.PIPL_CERTIFICATION, EvidenceKind.PIPL_CERTIFICATE],
]);

/** Provisions on Promoting and Regulating Cross-Border Data Flows (2024) Art. 9: an assessment result is valid 3 years from its issue (and may be extended by 3 more on application). */
const ASSESSMENT_VALID_YEARS = 3;

/** An export under PIPL: the data, governed by PIPL, reaches a place outside mainland China (HK, Macao and Taiwan included). */
export function exportDestinations(context: HopRuleContext): string[] {
  return context.hop.transferRegimes.includes(PIPL) ? countriesOutside(PIPL, context.hop.toCountries) : [];
}

/** An export needs a CAC security assessment, a certification, the standard contract, or an exemption. */
export const exportWithoutMechanism: Rule<HopRuleContext> = {
  id: 'PIPL-EXPORT-NO-MECHANISM',
  severity: Severity.CRITICAL,
  verdictEffect: VerdictEffect.UNLAWFUL,
  title: 'Export without an Art. 38 mechanism',
  explanation: 'Personal information leaves mainland China with no security assessment, certification, standard contract or exemption.',
  legalReference: 'PIPL Art. 38(1); Provisions on Cross-Border Data Flows (2024) Arts. 3-6',
  scope: RuleScope.HOP,
  regime: PIPL,
  judgesMechanism: true,
  check: (context) => {
    const destinations = exportDestinations(context);
    if (destinations.length === 0) return null;
    const mechanism = context.hop.mechanism;
    if (mechanism !== null && ART38_MECHANISMS.includes(mechanism)) return null;
    return `${describeHop(context)} exports personal information to ${destinations.join(', ')} with ${mechanism === null ? 'no transfer mechanism' : `${mechanism}, which is no PIPL mechanism`}`;
  },
};

/** Where an export rests on consent, the person must consent separately to it (Art. 39). */
export const exportWithoutSeparateConsent: Rule<HopRuleContext> = {
  id: 'PIPL-EXPORT-NO-SEPARATE-CONSENT',
  severity: Severity.HIGH,
  verdictEffect: VerdictEffect.UNLAWFUL,
  title: 'Consent-based export without separate consent',
  explanation: 'An export that rests on consent has no separate consent for it, or only one to the activity given before the recipient was added.',
  legalReference: 'PIPL Arts. 13, 14, 39',
  scope: RuleScope.HOP,
  regime: PIPL,
  check: (context) => {
    const destinations = exportDestinations(context);
    if (destinations.length === 0) return null;
    if (!lacksSeparateConsentToRecipient(context.hop.legalBasis, context.flow, context.person)) return null;
    return context.person === null
      ? `${describeHop(context)} exports to ${destinations.join(', ')} on ${context.hop.legalBasis} rather than a separate consent`
      : `${describeHop(context)} exports the person's data to ${destinations.join(', ')} without their separate consent`;
  },
};

/**
 * Before an export the person must be told the recipient's name and contact, the purpose, the
 * method, the categories and how to exercise their rights against the recipient (Art. 39),
 * whatever the basis: Art. 13 para. 2 waives consent, not notice.
 */
export const exportWithoutNotice: Rule<HopRuleContext> = {
  id: 'PIPL-EXPORT-NO-NOTICE',
  severity: Severity.MEDIUM,
  verdictEffect: VerdictEffect.GAP,
  title: 'Export without the Art. 39 notice',
  explanation: 'An export has no Art. 39 notice on record, or its recipient no published contact.',
  legalReference: 'PIPL Art. 39',
  scope: RuleScope.HOP,
  regime: PIPL,
  check: (context) => {
    if (exportDestinations(context).length === 0) return null;
    const missing: string[] = [];
    if (!hasValidEvidence(context.flow.evidence, EvidenceKind.ART39_NOTICE, context.date)) missing.push('no Art. 39 notice');
    if (!hasValidEvidence(context.receiver.evidence, EvidenceKind.RECIPIENT_CONTACT, context.date)) {
      missing.push(`no contact of ${context.receiver.key} for the notice`);
    }
    return missing.length === 0 ? null : `${describeHop(context)} exports personal information with ${missing.join(' and ')} on record`;
  },
};

/**
 * A claimed mechanism counts once it exists: the standard contract filed with the provincial CAC
 * (Measures on the Standard Contract, Art. 7), the security assessment passed, the certificate
 * issued. An assessment on record that has since expired is PIPL-ASSESSMENT-EXPIRED instead.
 */
export const mechanismWithoutFiling: Rule<HopRuleContext> = {
  id: 'PIPL-MECHANISM-NO-FILING',
  severity: Severity.HIGH,
  verdictEffect: VerdictEffect.GAP,
  title: 'PIPL mechanism claimed without its filing',
  explanation: 'The flow claims a standard contract, security assessment or certification with no filing, pass or certificate on record.',
  legalReference: 'PIPL Art. 38(1)(1)-(3); Measures on the Standard Contract for Export of Personal Information (2023) Art. 7',
  scope: RuleScope.HOP,
  regime: PIPL,
  check: (context) => {
    const mechanism = context.hop.mechanism;
    const filing = mechanism === null ? undefined : FILING_OF.get(mechanism);
    if (filing === undefined || exportDestinations(context).length === 0) return null;
    const recorded =
      mechanism === TransferMechanism.CAC_SECURITY_ASSESSMENT
        ? evidenceDatedBy(mechanismEvidence(context), filing, context.date).length > 0
        : hasValidEvidence(mechanismEvidence(context), filing, context.date);
    return recorded ? null : `${describeHop(context)} claims ${mechanism} with no valid ${filing} on record on ${context.date}`;
  },
};

/** The last day an assessment passed on `datedOn` is valid: its third anniversary ('YYYY-MM-DD' compares as text, 29 February included). */
export function assessmentValidUntil(datedOn: string): string {
  return `${Number(datedOn.slice(0, 4)) + ASSESSMENT_VALID_YEARS}${datedOn.slice(4)}`;
}

/** A security assessment is valid for 3 years from its result, or until the expiry on record if earlier. */
export const assessmentExpired: Rule<HopRuleContext> = {
  id: 'PIPL-ASSESSMENT-EXPIRED',
  severity: Severity.HIGH,
  verdictEffect: VerdictEffect.UNLAWFUL,
  title: 'CAC security assessment expired',
  explanation: 'The export relies on a security assessment that is more than 3 years old or past its expiry.',
  legalReference: 'PIPL Art. 38(1)(1); Provisions on Cross-Border Data Flows (2024) Art. 9',
  scope: RuleScope.HOP,
  regime: PIPL,
  judgesMechanism: true,
  check: (context) => {
    if (context.hop.mechanism !== TransferMechanism.CAC_SECURITY_ASSESSMENT || exportDestinations(context).length === 0) return null;
    const passed = evidenceDatedBy(mechanismEvidence(context), EvidenceKind.CAC_ASSESSMENT_PASSED, context.date);
    if (passed.length === 0) return null;
    const current = passed.some((record) => isValidOn(record, context.date) && context.date <= assessmentValidUntil(record.datedOn));
    if (current) return null;
    const latest = passed.map((record) => record.datedOn).sort().at(-1);
    return `${describeHop(context)} relies on a CAC security assessment passed on ${latest}, expired by ${context.date}`;
  },
};

export const PIPL_EXPORT_RULES: readonly Rule<HopRuleContext>[] = [
  exportWithoutMechanism,
  exportWithoutSeparateConsent,
  exportWithoutNotice,
  mechanismWithoutFiling,
  assessmentExpired,
];
