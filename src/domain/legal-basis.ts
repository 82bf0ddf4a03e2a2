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

/**
 * Where each basis stands in the law, as a record of processing prints it. PIPL Art. 13(1) has no
 * public-task or legitimate-interests basis (its item (5), news reporting and supervision by public
 * opinion, is narrower than a public task), and GDPR Art. 6(1) none for data merely made public
 * (Art. 9(2)(e) only lifts the ban on special categories): those bases print for one law only.
 */
const LEGAL_BASIS_ARTICLES: Readonly<Record<LegalBasis, { gdpr: string | null; pipl: string | null }>> = {
  [LegalBasis.CONSENT]: { gdpr: 'Art. 6(1)(a) GDPR — consent', pipl: 'Art. 13(1)(1) PIPL — consent' },
  [LegalBasis.SEPARATE_CONSENT]: { gdpr: 'Art. 6(1)(a) GDPR — consent', pipl: 'Art. 13(1)(1) PIPL — separate consent (Arts. 23, 25, 26, 29, 39)' },
  [LegalBasis.CONTRACT]: { gdpr: 'Art. 6(1)(b) GDPR — contract', pipl: 'Art. 13(1)(2) PIPL — contract' },
  [LegalBasis.LEGAL_OBLIGATION]: { gdpr: 'Art. 6(1)(c) GDPR — legal obligation', pipl: 'Art. 13(1)(3) PIPL — statutory duty or obligation' },
  [LegalBasis.VITAL_INTERESTS]: { gdpr: 'Art. 6(1)(d) GDPR — vital interests', pipl: "Art. 13(1)(4) PIPL — public health emergency, or a person's life, health and property" },
  [LegalBasis.PUBLIC_TASK]: { gdpr: 'Art. 6(1)(e) GDPR — public task', pipl: null },
  [LegalBasis.LEGITIMATE_INTERESTS]: { gdpr: 'Art. 6(1)(f) GDPR — legitimate interests', pipl: null },
  [LegalBasis.PUBLICLY_DISCLOSED]: { gdpr: null, pipl: 'Art. 13(1)(6) PIPL — information disclosed by the person or otherwise lawfully disclosed' },
};

/** A basis in words a regulator reads: 'Art. 6(1)(b) GDPR — contract; Art. 13(1)(2) PIPL — contract'. */
export function legalBasisText(basis: LegalBasis): string {
  const { gdpr, pipl } = LEGAL_BASIS_ARTICLES[basis];
  return [gdpr ?? 'no GDPR Art. 6(1) basis', pipl ?? 'no PIPL Art. 13(1) basis'].join('; ');
}
