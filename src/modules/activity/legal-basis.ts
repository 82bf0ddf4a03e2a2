/** Lawful bases for processing (GDPR Art. 6(1), PIPL Art. 13). */
export enum LegalBasis {
  CONSENT = 'CONSENT',
  /** PIPL Arts. 23, 29, 39: a consent given separately for that one processing. */
  SEPARATE_CONSENT = 'SEPARATE_CONSENT',
  CONTRACT = 'CONTRACT',
  LEGAL_OBLIGATION = 'LEGAL_OBLIGATION',
  VITAL_INTERESTS = 'VITAL_INTERESTS',
  PUBLIC_TASK = 'PUBLIC_TASK',
  LEGITIMATE_INTERESTS = 'LEGITIMATE_INTERESTS',
  /** PIPL Art. 13(6): information the person disclosed themselves or otherwise lawfully disclosed. */
  PUBLICLY_DISCLOSED = 'PUBLICLY_DISCLOSED',
}

export const CONSENT_BASES: readonly LegalBasis[] = [LegalBasis.CONSENT, LegalBasis.SEPARATE_CONSENT];

export function isConsentBasis(basis: LegalBasis): boolean {
  return CONSENT_BASES.includes(basis);
}
