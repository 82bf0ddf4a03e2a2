/** What role an organisation plays in the data map (docs/design.md). */
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

/** Parties that process on our behalf and so need an Art. 28 GDPR / Art. 21 PIPL contract. */
export const ENTRUSTED_PARTY_KINDS: readonly PartyKind[] = [PartyKind.PROCESSOR, PartyKind.SUB_PROCESSOR];
