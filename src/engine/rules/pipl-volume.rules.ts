import { isVolumeBound, TransferMechanism } from '../../domain/transfer-mechanism';
import { Severity } from '../core/finding';
import { exportDestinations, PIPL } from './pipl-export.rules';
import { describeHop, type HopRuleContext } from '../core/rule-context';
import { RuleScope, VerdictEffect, type Rule } from '../core/rule-descriptor';

/**
 * Thresholds of the Provisions on Promoting and Regulating Cross-Border Data Flows (CAC,
 * 2024-03-22), in persons whose data a handler has exported since 1 January of the year, across
 * all its exports (Arts. 5(4), 7, 8: "自当年1月1日起累计").
 */
export const CONTRACT_THRESHOLD = 100_000;
export const ASSESSMENT_THRESHOLD = 1_000_000;
export const SENSITIVE_ASSESSMENT_THRESHOLD = 10_000;

const CONTRACT_OR_BETTER: readonly TransferMechanism[] = [
  TransferMechanism.PIPL_STANDARD_CONTRACT,
  TransferMechanism.PIPL_CERTIFICATION,
  TransferMechanism.CAC_SECURITY_ASSESSMENT,
];

type RequiredMechanism = 'ASSESSMENT' | 'CONTRACT_OR_CERTIFICATION' | null;

/**
 * What an export needs by volume (Art. 5(4): below 100,000 persons without sensitive PI it is
 * exempt; Art. 8: from 100,000, or any sensitive PI, a standard contract or certification; Art. 7:
 * from 1,000,000, or 10,000 with sensitive PI, a security assessment). An unknown volume counts as 0.
 * None applies to an export under an exemption of Arts. 4, 5(1)-(3) or 6: Arts. 7 and 8 defer to
 * them, whatever the volume or sensitivity.
 */
export function mechanismRequiredByVolume(context: HopRuleContext): RequiredMechanism {
  if (context.hop.mechanism === TransferMechanism.PIPL_EXEMPTION && !isVolumeBound(context.mechanismEntry?.piplExemption ?? null)) return null;
  const persons = context.annualSubjects ?? 0;
  const sensitive = carriesSensitiveInformation(context);
  if (persons >= ASSESSMENT_THRESHOLD || (sensitive && persons >= SENSITIVE_ASSESSMENT_THRESHOLD)) return 'ASSESSMENT';
  if (persons >= CONTRACT_THRESHOLD || sensitive) return 'CONTRACT_OR_CERTIFICATION';
  return null;
}

/** PIPL Art. 28: a category flagged sensitive, or one under it, or any data of a child under 14. */
function carriesSensitiveInformation(context: HopRuleContext): boolean {
  return context.carriesChildData || context.hop.categoryIds.some((id) => context.index.piplSensitiveCategoryIds.has(id));
}

function volumeOf(context: HopRuleContext): string {
  const sensitive = carriesSensitiveInformation(context) ? ` (with sensitive personal information${context.carriesChildData ? ': a child’s under 14' : ''})` : '';
  return `${context.annualSubjects ?? 'an unknown number of'} persons exported by its handler this year${sensitive}`;
}

/** From 100,000 persons, or with any sensitive PI, the volume exemption is gone: standard contract or certification. */
export const volumeNeedsContract: Rule<HopRuleContext> = {
  id: 'PIPL-VOLUME-CONTRACT-REQUIRED',
  severity: Severity.HIGH,
  verdictEffect: VerdictEffect.UNLAWFUL,
  title: 'Export volume needs a standard contract or certification',
  explanation: 'The handler exports 100,000 persons since 1 January across its exports, or the export includes sensitive PI, and it has no standard contract, certification, assessment or volume-free exemption.',
  legalReference: 'Provisions on Cross-Border Data Flows (2024) Arts. 5(4), 8; PIPL Art. 38',
  scope: RuleScope.HOP,
  regime: PIPL,
  judgesMechanism: true,
  check: (context) => {
    if (exportDestinations(context).length === 0) return null;
    if (mechanismRequiredByVolume(context) !== 'CONTRACT_OR_CERTIFICATION') return null;
    const mechanism = context.hop.mechanism;
    if (mechanism !== null && CONTRACT_OR_BETTER.includes(mechanism)) return null;
    return `${describeHop(context)} exports data of ${volumeOf(context)} relying on ${mechanism ?? 'no mechanism'}: a standard contract or certification is needed`;
  },
};

/** From 1,000,000 persons, or 10,000 with sensitive PI, only a CAC security assessment will do. */
export const volumeNeedsAssessment: Rule<HopRuleContext> = {
  id: 'PIPL-VOLUME-ASSESSMENT-REQUIRED',
  severity: Severity.CRITICAL,
  verdictEffect: VerdictEffect.UNLAWFUL,
  title: 'Export volume needs a CAC security assessment',
  explanation: 'The handler exports 1,000,000 persons since 1 January across its exports, or 10,000 with sensitive PI, without a security assessment or volume-free exemption.',
  legalReference: 'Provisions on Cross-Border Data Flows (2024) Art. 7; PIPL Art. 40',
  scope: RuleScope.HOP,
  regime: PIPL,
  judgesMechanism: true,
  check: (context) => {
    if (exportDestinations(context).length === 0) return null;
    if (mechanismRequiredByVolume(context) !== 'ASSESSMENT') return null;
    if (context.hop.mechanism === TransferMechanism.CAC_SECURITY_ASSESSMENT) return null;
    return `${describeHop(context)} exports data of ${volumeOf(context)} relying on ${context.hop.mechanism ?? 'no mechanism'}: a CAC security assessment is needed`;
  },
};

/**
 * Which exemption an export claims decides whether the thresholds apply: only Art. 5(4) is bound
 * to a volume. Without one named the rules take it as Art. 5(4), and the record is incomplete.
 */
export const exemptionUnnamed: Rule<HopRuleContext> = {
  id: 'PIPL-EXEMPTION-UNNAMED',
  severity: Severity.MEDIUM,
  verdictEffect: VerdictEffect.GAP,
  title: 'Export on an exemption without naming it',
  explanation: 'An export claims an exemption of the 2024 Provisions without recording which one (Art. 4, 5(1)-(4) or 6).',
  legalReference: 'Provisions on Cross-Border Data Flows (2024) Arts. 4-6',
  scope: RuleScope.HOP,
  regime: PIPL,
  check: (context) => {
    if (context.hop.mechanism !== TransferMechanism.PIPL_EXEMPTION || (context.mechanismEntry?.piplExemption ?? null) !== null) return null;
    if (exportDestinations(context).length === 0) return null;
    return `${describeHop(context)} claims an exemption from the PIPL export mechanisms without naming which one; it is judged as the volume-bound Art. 5(4)`;
  },
};

export const PIPL_VOLUME_RULES: readonly Rule<HopRuleContext>[] = [volumeNeedsContract, volumeNeedsAssessment, exemptionUnnamed];
