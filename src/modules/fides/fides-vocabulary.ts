import { LegalBasis } from '../../domain/legal-basis';
import { TransferMechanism } from '../../domain/transfer-mechanism';
import { PartyKind } from '../../domain/party-kind';

/**
 * Where fideslang's vocabulary and Flowmap's meet (docs/fides.md has the whole table).
 */

/** fideslang's LegalBasisForProcessingEnum (GDPR Art. 6(1)) and Flowmap's basis for each. */
const LEGAL_BASES: readonly [string, LegalBasis][] = [
  ['Consent', LegalBasis.CONSENT],
  ['Contract', LegalBasis.CONTRACT],
  ['Legal obligations', LegalBasis.LEGAL_OBLIGATION],
  ['Vital interests', LegalBasis.VITAL_INTERESTS],
  // Art. 6(1)(e): "a task carried out in the public interest or in the exercise of official authority".
  ['Public interest', LegalBasis.PUBLIC_TASK],
  ['Legitimate interests', LegalBasis.LEGITIMATE_INTERESTS],
];

export function legalBasisFromFides(value: string): LegalBasis | null {
  return LEGAL_BASES.find(([fides]) => fides.toLowerCase() === value.toLowerCase())?.[1] ?? null;
}

/**
 * The fideslang basis for a Flowmap one. PIPL's separate consent is a consent under GDPR Art. 6(1)(a)
 * and is written as `Consent` (fideslang has no separate consent); PIPL Art. 13(1)(6)'s data made
 * public has no GDPR Art. 6 basis at all and is left out.
 */
export function legalBasisToFides(basis: LegalBasis): string | null {
  if (basis === LegalBasis.SEPARATE_CONSENT) return 'Consent';
  return LEGAL_BASES.find(([, flowmap]) => flowmap === basis)?.[0] ?? null;
}

/** fideslang's LegalBasisForTransfersEnum: the ones that name a GDPR Chapter V mechanism. */
const TRANSFER_BASES: readonly [string, TransferMechanism][] = [
  ['Adequacy Decision', TransferMechanism.ADEQUACY_DECISION],
  ['SCCs', TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES],
  ['BCRs', TransferMechanism.BINDING_CORPORATE_RULES],
];

export function mechanismFromFides(value: string): TransferMechanism | null {
  return TRANSFER_BASES.find(([fides]) => fides.toLowerCase() === value.toLowerCase())?.[1] ?? null;
}

export function mechanismToFides(mechanism: TransferMechanism): string | null {
  return TRANSFER_BASES.find(([, flowmap]) => flowmap === mechanism)?.[0] ?? null;
}

/** fideslang's DataResponsibilityTitle for what a party is. */
export function responsibilityOf(kind: PartyKind): string {
  if (kind === PartyKind.PROCESSOR) return 'Processor';
  if (kind === PartyKind.SUB_PROCESSOR) return 'Sub-Processor';
  return 'Controller';
}

/** The kinds that may decide an activity (the inventory's `controller`). */
export const CONTROLLING_KINDS: readonly PartyKind[] = [PartyKind.CONTROLLER, PartyKind.AFFILIATE, PartyKind.JOINT_CONTROLLER];

/** The kinds a fideslang `system_type` of "Third Party" means: not the organisation's own system. */
export const OUTSIDE_KINDS: readonly PartyKind[] = [PartyKind.THIRD_PARTY, PartyKind.SDK_PROVIDER, PartyKind.PUBLIC_AUTHORITY];

/**
 * Categories of fideslang's default taxonomy that are GDPR Art. 9(1) special categories: racial or
 * ethnic origin, political opinions, religious or philosophical beliefs, trade union membership,
 * genetic data, biometric data, health, sexual orientation. Criminal records (`user.criminal_history`)
 * are Art. 10 data, not Art. 9, and are not flagged. Art. 9 covers biometric data "for the purpose of
 * uniquely identifying a natural person"; fideslang's biometric categories do not say what for, and
 * are read as identifying.
 */
const GDPR_SPECIAL_PREFIXES = [
  'user.demographic.race_ethnicity',
  'user.demographic.political_opinion',
  'user.demographic.religious_belief',
  'user.demographic.philosophical_belief',
  'user.demographic.union_membership',
  'user.demographic.sexual_orientation',
  'user.biometric',
  'user.biometrics',
  'user.authorization.biometric',
  'user.authorization.biometrics',
  'user.health',
  'user.health_and_medical',
];

/**
 * Categories of the default taxonomy that are PIPL Art. 28 sensitive personal information:
 * biometric recognition, religious belief, medical health, financial accounts, whereabouts and the
 * information of minors under 14. Only precise location is taken as whereabouts; of the children's
 * categories only `children_under_thirteen` is wholly under 14 (`thirteen_to_sixteen` is not flagged).
 */
const PIPL_SENSITIVE_PREFIXES = [
  'user.biometric',
  'user.biometrics',
  'user.authorization.biometric',
  'user.authorization.biometrics',
  'user.demographic.religious_belief',
  'user.health',
  'user.health_and_medical',
  'user.financial',
  'user.location.precise',
  'user.children.children_under_thirteen',
];

function underAny(key: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => key === prefix || key.startsWith(`${prefix}.`));
}

export function isGdprSpecialInDefaultTaxonomy(key: string): boolean {
  return underAny(key, GDPR_SPECIAL_PREFIXES);
}

export function isPiplSensitiveInDefaultTaxonomy(key: string): boolean {
  return underAny(key, PIPL_SENSITIVE_PREFIXES);
}

/** Tags a fideslang data category carries for Flowmap's flags, so that they survive a round trip. */
export const GDPR_SPECIAL_TAG = 'flowmap:gdpr-special';
export const PIPL_SENSITIVE_TAG = 'flowmap:pipl-sensitive';
