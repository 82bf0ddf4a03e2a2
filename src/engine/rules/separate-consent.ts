import { isConsentBasis, LegalBasis } from '../../domain/legal-basis';
import type { SnapshotFlow } from '../core/inventory-snapshot';
import { holdsConsent, type ConsentTarget, type PersonContext } from '../core/person-context';

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

/**
 * The same for a provision to a recipient (Art. 23) or abroad (Art. 39): the person must be told
 * the recipient's name before consenting, so a consent to the activity covers only recipients
 * that were there when it was given. A consent to the flow itself always counts; one to the
 * activity, only if given on or after the day the flow began (a reading: a flow in force from the
 * day of the consent is taken as named in it).
 */
export function lacksSeparateConsentToRecipient(
  basis: LegalBasis,
  flow: Pick<SnapshotFlow, 'id' | 'activityId' | 'effectiveFrom'>,
  person: PersonContext | null,
): boolean {
  if (!isConsentBasis(basis) || person === null) return lacksSeparateConsent(basis, { flowId: flow.id, activityId: flow.activityId }, person);
  return !holdsConsent(person, { flowId: flow.id }, true) && !holdsConsent(person, { activityId: flow.activityId }, true, flow.effectiveFrom);
}
