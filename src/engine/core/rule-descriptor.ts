import type { Severity } from './finding';

/** What a rule is checked on. */
export enum RuleScope {
  /** Every hop the data takes; a finding makes the hop unlawful and its message is a reason. */
  HOP = 'HOP',
  /** Every activity in force (for a person: every activity that collects their data). */
  ACTIVITY = 'ACTIVITY',
  /** A person, on every activity in force that concerns them. */
  PERSON = 'PERSON',
}

/**
 * What a finding of the rule does to the verdict on the hop (or activity) it concerns. The
 * severity says how urgent the fix is; the effect says what the finding means in law: an SCC
 * transfer without a transfer impact assessment is still made under a valid mechanism.
 */
export enum VerdictEffect {
  /** No valid mechanism, legal basis or consent: the processing or transfer is unlawful. */
  UNLAWFUL = 'UNLAWFUL',
  /** The mechanism or basis holds, but accountability evidence is missing (TIA, DPA, filing, notice, record). */
  GAP = 'GAP',
  /** A fact the law needs is not on record (destination country, recipient's identity): the verdict cannot be given. */
  UNDETERMINED = 'UNDETERMINED',
  /** Worth acting on, but neither makes nor breaks lawfulness. */
  ADVISORY = 'ADVISORY',
}

/** What the API lists about a rule. */
export interface RuleDescriptor {
  /** Stable id, prefixed by the regime: 'GDPR-', 'UK-GDPR-', 'PIPL-', or 'ANY-' for rules that apply everywhere. */
  id: string;
  severity: Severity;
  verdictEffect: VerdictEffect;
  title: string;
  /** One sentence: what the rule checks and why. */
  explanation: string;
  legalReference: string;
  scope: RuleScope;
  /** Regime code the rule belongs to; null for rules that apply everywhere. */
  regime: string | null;
}

/** A rule: what it is, and a check that says what is wrong (a one-sentence message) or null. */
export interface Rule<Context> extends RuleDescriptor {
  /**
   * A hop rule that says whether the mechanism under judgement holds: an UNLAWFUL finding of it
   * makes the engine try the flow's next mechanism (see judgeHops).
   */
  judgesMechanism?: boolean;
  check(context: Context): string | null;
}

export function describeRule(rule: Rule<unknown>): RuleDescriptor {
  const { id, severity, verdictEffect, title, explanation, legalReference, scope, regime } = rule;
  return { id, severity, verdictEffect, title, explanation, legalReference, scope, regime };
}
