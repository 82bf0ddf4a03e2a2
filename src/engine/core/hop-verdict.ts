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
 * Whether the hop stands: true for LAWFUL and LAWFUL_WITH_GAPS (missing evidence is an
 * accountability failure to fix, GDPR Art. 5(2), PIPL Art. 54, not an unlawful transfer), false
 * for UNLAWFUL, and null for UNDETERMINED: without the fact the law needs, neither answer is true.
 */
export function lawfulnessOf(verdict: HopVerdict): boolean | null {
  if (verdict === HopVerdict.UNDETERMINED) return null;
  return verdict === HopVerdict.LAWFUL || verdict === HopVerdict.LAWFUL_WITH_GAPS;
}
