import type { Finding } from '../core/finding';
import { HopVerdict } from '../core/hop-verdict';
import { VerdictEffect } from '../core/rule-descriptor';
import { verdictEffectOf } from '../rules/rule-catalogue';

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

/** The worse of two verdicts, by the same ranking as hopVerdictOf. */
export function worseVerdict(a: HopVerdict, b: HopVerdict): HopVerdict {
  return VERDICT_RANK.indexOf(a) <= VERDICT_RANK.indexOf(b) ? a : b;
}
