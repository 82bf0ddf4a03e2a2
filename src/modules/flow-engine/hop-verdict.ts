import type { Finding } from '../rules/finding';
import { verdictEffectOf } from '../rules/rule-catalogue';
import { VerdictEffect } from '../rules/rule-descriptor';

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

const VERDICT_OF_EFFECT: Readonly<Record<VerdictEffect, HopVerdict>> = {
  [VerdictEffect.UNLAWFUL]: HopVerdict.UNLAWFUL,
  [VerdictEffect.UNDETERMINED]: HopVerdict.UNDETERMINED,
  [VerdictEffect.GAP]: HopVerdict.LAWFUL_WITH_GAPS,
  [VerdictEffect.ADVISORY]: HopVerdict.LAWFUL,
};

/**
 * Worst first. An UNLAWFUL finding outranks an UNDETERMINED one: a hop without any mechanism is
 * unlawful wherever its data lands. A missing fact outranks a missing document, since the
 * mechanism itself cannot be judged without it.
 */
const VERDICT_RANK: readonly HopVerdict[] = [HopVerdict.UNLAWFUL, HopVerdict.UNDETERMINED, HopVerdict.LAWFUL_WITH_GAPS, HopVerdict.LAWFUL];

/** The verdict on a hop: the worst verdict effect among its findings' rules (an advisory one leaves it LAWFUL). */
export function hopVerdictOf(findings: readonly Finding[]): HopVerdict {
  let worst = VERDICT_RANK.length - 1;
  for (const finding of findings) worst = Math.min(worst, VERDICT_RANK.indexOf(VERDICT_OF_EFFECT[verdictEffectOf(finding.ruleId)]));
  return VERDICT_RANK[worst] ?? HopVerdict.LAWFUL;
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
