import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctFindings, SEVERITY_ORDER, Severity, type Finding } from './finding';

const RULE_SEVERITIES: Record<string, Severity> = { 'A-RULE': Severity.LOW, 'B-RULE': Severity.CRITICAL, 'C-RULE': Severity.CRITICAL, 'D-RULE': Severity.INFO };

const finding = fc
  .record({
    ruleId: fc.constantFrom(...Object.keys(RULE_SEVERITIES)),
    message: fc.constantFrom('flow a', 'flow b', 'flow c'),
    flowIds: fc.constantFrom([], ['f1'], ['f2']),
    partyIds: fc.constantFrom(['p1'], ['p1', 'p2']),
  })
  .map(
    ({ ruleId, message, flowIds, partyIds }): Finding => ({
      ruleId,
      severity: RULE_SEVERITIES[ruleId],
      legalReference: 'Art. 1',
      message,
      partyIds: [...partyIds],
      flowIds: [...flowIds],
      activityIds: ['a1'],
      personIds: [],
    }),
  );

const identity = (item: Finding): string => JSON.stringify([item.ruleId, item.partyIds, item.flowIds, item.activityIds, item.personIds]);

describe('distinctFindings', () => {
  it('keeps the first finding of each rule and subjects, most severe first, then by rule id, then in the order found', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 60 }), (findings) => {
        const firstOfEach = findings.filter((item, position) => findings.findIndex((other) => identity(other) === identity(item)) === position);
        const expected = [...SEVERITY_ORDER]
          .reverse()
          .flatMap((severity) => Object.keys(RULE_SEVERITIES).sort().flatMap((ruleId) => firstOfEach.filter((item) => item.severity === severity && item.ruleId === ruleId)));
        expect(distinctFindings(findings)).toEqual(expected);
      }),
    );
  });
});
