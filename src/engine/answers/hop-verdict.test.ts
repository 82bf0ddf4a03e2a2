import { describe, expect, it } from 'vitest';
import { Severity, type Finding } from '../core/finding';
import { RULES } from '../rules/rule-catalogue';
import { VerdictEffect } from '../core/rule-descriptor';
import { HopVerdict, isLawfulVerdict } from '../core/hop-verdict';
import { hopVerdictOf } from './hop-verdict-of';

function findingOf(effect: VerdictEffect): Finding {
  const rule = RULES.find((candidate) => candidate.verdictEffect === effect);
  if (!rule) throw new Error(`no rule with effect ${effect}`);
  return { ruleId: rule.id, severity: Severity.LOW, legalReference: '', message: '', partyIds: [], flowIds: [], activityIds: [], personIds: [] };
}

describe('hopVerdictOf', () => {
  it('is LAWFUL without findings or with advisory ones only', () => {
    expect(hopVerdictOf([])).toBe(HopVerdict.LAWFUL);
    expect(hopVerdictOf([findingOf(VerdictEffect.ADVISORY)])).toBe(HopVerdict.LAWFUL);
  });

  it('takes the worst effect: UNLAWFUL over GAP', () => {
    const gap = findingOf(VerdictEffect.GAP);
    const unlawful = findingOf(VerdictEffect.UNLAWFUL);
    expect(hopVerdictOf([gap])).toBe(HopVerdict.LAWFUL_WITH_GAPS);
    expect(hopVerdictOf([gap, unlawful, gap])).toBe(HopVerdict.UNLAWFUL);
  });

  it('takes a rule it does not know as unlawful, never as lawful', () => {
    expect(hopVerdictOf([{ ...findingOf(VerdictEffect.GAP), ruleId: 'NOT-A-RULE' }])).toBe(HopVerdict.UNLAWFUL);
  });

  it('counts a LAWFUL_WITH_GAPS hop as lawful, an UNDETERMINED one not', () => {
    expect([HopVerdict.LAWFUL, HopVerdict.LAWFUL_WITH_GAPS, HopVerdict.UNLAWFUL, HopVerdict.UNDETERMINED].map(isLawfulVerdict)).toEqual([true, true, false, false]);
  });
});
