import { PartyKind } from './party-kind';

/**
 * What the receiver of a flow is to the sender's handler for that flow. Processing entrusted to
 * it (PIPL Art. 21, GDPR Art. 28) needs the agreement; providing to another handler (PIPL Art. 23)
 * needs the person's separate consent and the notice. The same SDK can be either: one that only
 * processes for us under an agreement is entrusted, one that uses the data for its own ends is a
 * handler of its own.
 */
export enum RecipientRole {
  PROCESSOR = 'PROCESSOR',
  INDEPENDENT_HANDLER = 'INDEPENDENT_HANDLER',
}

/** The role each kind of party has on a flow that does not name one; the group and authorities have neither. */
const DEFAULT_ROLE_BY_KIND: Readonly<Record<PartyKind, RecipientRole | null>> = {
  [PartyKind.CONTROLLER]: null,
  [PartyKind.PUBLIC_AUTHORITY]: null,
  [PartyKind.PROCESSOR]: RecipientRole.PROCESSOR,
  [PartyKind.SUB_PROCESSOR]: RecipientRole.PROCESSOR,
  [PartyKind.THIRD_PARTY]: RecipientRole.INDEPENDENT_HANDLER,
  [PartyKind.JOINT_CONTROLLER]: RecipientRole.INDEPENDENT_HANDLER,
  [PartyKind.SDK_PROVIDER]: RecipientRole.INDEPENDENT_HANDLER,
  [PartyKind.AFFILIATE]: RecipientRole.INDEPENDENT_HANDLER,
};

/** The receiver's role on a flow: the one the flow names, else its kind's default. */
export function recipientRoleOf(receiverKind: PartyKind, declaredRole: RecipientRole | null): RecipientRole | null {
  return declaredRole ?? DEFAULT_ROLE_BY_KIND[receiverKind];
}

/** Processing is entrusted to the receiver: an Art. 21 PIPL / Art. 28 GDPR agreement is due. */
export function isEntrustedRecipient(receiverKind: PartyKind, declaredRole: RecipientRole | null): boolean {
  return recipientRoleOf(receiverKind, declaredRole) === RecipientRole.PROCESSOR;
}

/** The receiver is another handler processing for its own purposes (PIPL Art. 23). */
export function isOtherHandler(receiverKind: PartyKind, declaredRole: RecipientRole | null): boolean {
  return recipientRoleOf(receiverKind, declaredRole) === RecipientRole.INDEPENDENT_HANDLER;
}
