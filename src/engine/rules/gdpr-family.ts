/**
 * The GDPR and the UK GDPR share their text (the UK kept the GDPR in its law after Brexit), so
 * each GDPR rule is checked once per regime, with the regime's own id prefix and name.
 */
export interface GdprFamilyLaw {
  regime: 'GDPR' | 'UK_GDPR';
  idPrefix: string;
  /** How legal references name the law. */
  lawName: string;
  /** Where the law sets the age from which a person consents alone. */
  consentAgeReference: string;
}

export const GDPR_FAMILY: readonly GdprFamilyLaw[] = [
  { regime: 'GDPR', idPrefix: 'GDPR', lawName: 'GDPR', consentAgeReference: 'GDPR Art. 8(1)' },
  { regime: 'UK_GDPR', idPrefix: 'UK-GDPR', lawName: 'UK GDPR', consentAgeReference: 'UK GDPR Art. 8(1); DPA 2018 s. 9' },
];
