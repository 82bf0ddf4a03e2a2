import { isConsentBasis, LegalBasis } from '../activity/legal-basis';
import { holdsConsent, type ConsentTarget, type PersonContext } from '../flow-engine/person-context';

/**
 * PIPL asks for a separate consent to process sensitive PI (Art. 29), to provide PI to another
 * handler (Art. 23) and to provide it abroad (Art. 39), where the processing rests on consent:
 * Art. 13 para. 2 needs no consent when another basis of Art. 13(1)(2)-(7) applies. Without a
 * person the record itself must ask for a separate consent (basis SEPARATE_CONSENT); for a person,
 * they must hold one, to the flow or to its activity.
 */
export function lacksSeparateConsent(basis: LegalBasis, target: ConsentTarget, person: PersonContext | null): boolean {
  if (!isConsentBasis(basis)) return false;
  return person === null ? basis !== LegalBasis.SEPARATE_CONSENT : !holdsConsent(person, target, true);
}
