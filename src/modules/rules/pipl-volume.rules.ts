import { TransferMechanism } from '../flow/transfer-mechanism';
import { Severity } from './finding';
import { exportDestinations, PIPL } from './pipl-export.rules';
import { describeHop, type HopRuleContext } from './rule-context';
import { RuleScope, VerdictEffect, type Rule } from './rule-descriptor';

/**
 * Thresholds of the Provisions on Promoting and Regulating Cross-Border Data Flows (CAC,
 * 2024-03-22), in persons whose data is exported since 1 January of the year.
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
 */
export function mechanismRequiredByVolume(context: HopRuleContext): RequiredMechanism {
  const persons = context.annualSubjects ?? 0;
  const sensitive = carriesSensitiveInformation(context);
  if (persons >= ASSESSMENT_THRESHOLD || (sensitive && persons >= SENSITIVE_ASSESSMENT_THRESHOLD)) return 'ASSESSMENT';
  if (persons >= CONTRACT_THRESHOLD || sensitive) return 'CONTRACT_OR_CERTIFICATION';
  return null;
}

/** PIPL Art. 28: a category flagged sensitive, or one under it. */
function carriesSensitiveInformation(context: HopRuleContext): boolean {
  return context.hop.categoryIds.some((id) => context.index.piplSensitiveCategoryIds.has(id));
}

function volumeOf(context: HopRuleContext): string {
  const sensitive = carriesSensitiveInformation(context) ? ' (with sensitive personal information)' : '';
  return `${context.annualSubjects ?? 'an unknown number of'} persons this year${sensitive}`;
}

/** From 100,000 persons, or with any sensitive PI, the volume exemption is gone: standard contract or certification. */
export const volumeNeedsContract: Rule<HopRuleContext> = {
  id: 'PIPL-VOLUME-CONTRACT-REQUIRED',
  severity: Severity.HIGH,
  verdictEffect: VerdictEffect.UNLAWFUL,
  title: 'Export volume needs a standard contract or certification',
  explanation: 'The export reaches 100,000 persons since 1 January or includes sensitive PI, and has no standard contract, certification or assessment.',
  legalReference: 'Provisions on Cross-Border Data Flows (2024) Arts. 5(4), 8; PIPL Art. 38',
  scope: RuleScope.HOP,
  regime: PIPL,
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
  explanation: 'The export reaches 1,000,000 persons since 1 January, or 10,000 with sensitive PI, without a security assessment.',
  legalReference: 'Provisions on Cross-Border Data Flows (2024) Art. 7; PIPL Art. 40',
  scope: RuleScope.HOP,
  regime: PIPL,
  check: (context) => {
    if (exportDestinations(context).length === 0) return null;
    if (mechanismRequiredByVolume(context) !== 'ASSESSMENT') return null;
    if (context.hop.mechanism === TransferMechanism.CAC_SECURITY_ASSESSMENT) return null;
    return `${describeHop(context)} exports data of ${volumeOf(context)} relying on ${context.hop.mechanism ?? 'no mechanism'}: a CAC security assessment is needed`;
  },
};

export const PIPL_VOLUME_RULES: readonly Rule<HopRuleContext>[] = [volumeNeedsContract, volumeNeedsAssessment];
