/** What role an organisation plays in the data map (DESIGN.md, Domain: Party). */
export enum PartyKind {
  CONTROLLER = 'CONTROLLER',
  AFFILIATE = 'AFFILIATE',
  PROCESSOR = 'PROCESSOR',
  SUB_PROCESSOR = 'SUB_PROCESSOR',
  SDK_PROVIDER = 'SDK_PROVIDER',
  THIRD_PARTY = 'THIRD_PARTY',
  JOINT_CONTROLLER = 'JOINT_CONTROLLER',
  PUBLIC_AUTHORITY = 'PUBLIC_AUTHORITY',
}

/** Parties inside our own group. */
export const GROUP_PARTY_KINDS: readonly PartyKind[] = [PartyKind.CONTROLLER, PartyKind.AFFILIATE];

/** Parties that process on our behalf and so need an Art. 28 GDPR / Art. 21 PIPL contract. */
export const ENTRUSTED_PARTY_KINDS: readonly PartyKind[] = [PartyKind.PROCESSOR, PartyKind.SUB_PROCESSOR];
