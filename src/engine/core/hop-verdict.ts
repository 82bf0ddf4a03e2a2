/** What the law says of a hop, from the findings on it. */
export enum HopVerdict {
  /** No rule finds fault with the hop. */
  LAWFUL = 'LAWFUL',
  /** The mechanism and basis hold, but accountability evidence is missing (TIA, DPA, filing, notice). */
  LAWFUL_WITH_GAPS = 'LAWFUL_WITH_GAPS',
  /** No valid mechanism, legal basis or consent. */
  UNLAWFUL = 'UNLAWFUL',
  /** A fact the law needs is missing (the destination country, the recipient's identity). */
  UNDETERMINED = 'UNDETERMINED',
}

/**
 * A hop is lawful when the transfer stands: LAWFUL or LAWFUL_WITH_GAPS. Missing evidence is an
 * accountability failure (GDPR Art. 5(2), PIPL Art. 54) to fix, not an unlawful transfer; an
 * UNDETERMINED hop is not lawful, since nothing shows that it is.
 */
export function isLawfulVerdict(verdict: HopVerdict): boolean {
  return verdict === HopVerdict.LAWFUL || verdict === HopVerdict.LAWFUL_WITH_GAPS;
}
