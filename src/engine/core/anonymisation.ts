import { Safeguard } from '../../domain/transfer-mechanism';

/**
 * Anonymised data is no longer personal data, so no transfer or processing rule applies to a hop
 * that carries only anonymised data: GDPR Recital 26, PIPL Art. 4 ("not including information
 * processed anonymously"). De-identified or pseudonymised data stays personal data
 * (GDPR Recital 26, Art. 4(5); PIPL Art. 73(3)-(4)), so those safeguards change nothing.
 */
export function isAnonymised(safeguards: readonly Safeguard[]): boolean {
  return safeguards.includes(Safeguard.ANONYMISATION);
}

/** What the hop's safeguards mean for the rules, shown with the hop. */
export function safeguardNotes(safeguards: readonly Safeguard[]): string[] {
  const notes: string[] = [];
  if (isAnonymised(safeguards)) {
    notes.push('Anonymised: no personal data travels, so the transfer rules do not apply (GDPR Recital 26, PIPL Art. 4).');
  }
  if (safeguards.includes(Safeguard.DE_IDENTIFICATION) && !isAnonymised(safeguards)) {
    notes.push('De-identified data is still personal information (PIPL Art. 73(3)): the transfer rules apply.');
  }
  return notes;
}
