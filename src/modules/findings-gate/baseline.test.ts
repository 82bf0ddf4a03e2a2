import { describe, expect, it } from 'vitest';
import type { Finding } from '../flow-query/flow-query.type';
import { Severity } from '../../engine/core/finding';
import { applyBaseline, BaselineError, parseBaseline } from './baseline';

function makeFinding(overrides: Partial<Finding> = {}): Finding {
  return { ruleId: 'PIPL-NO-PIA', severity: Severity.MEDIUM, legalReference: 'PIPL Arts. 55-56', message: 'no PIA', partyKeys: [], flowKeys: [], activityKeys: ['sharing'], personIds: [], personCount: 0, ...overrides };
}

const BASELINE = `accepted:
  - rule: PIPL-NO-PIA
    subject: activity:sharing
    justification: the PIA is booked for March
    acceptedBy: dpo@example.com
    until: 2027-03-31
  - rule: GDPR-TRANSFER-NO-MECHANISM
    subject: flow:to-cloud
    justification: SCCs being signed
    acceptedBy: dpo@example.com
    until: 2026-11-30
  - rule: PIPL-NO-PIA
    subject: activity:gone
    justification: was fixed long ago
    acceptedBy: dpo@example.com
    until: 2030-01-01
`;

describe('parseBaseline', () => {
  it('reads each acceptance with its line', () => {
    const [first, second] = parseBaseline(BASELINE, 'accepted.yaml');
    expect(first).toEqual({ rule: 'PIPL-NO-PIA', subject: { kind: 'activity', key: 'sharing' }, justification: 'the PIA is booked for March', acceptedBy: 'dpo@example.com', until: '2027-03-31', line: 2 });
    expect(second.line).toBe(7);
  });

  it('names every problem by file, line and field', () => {
    const text = `accepted:
  - rule: PIPL-NO-PIA
    subject: process:sharing
    acceptedBy: dpo@example.com
    until: 2027-02-30
    reason: typo
`;
    expect(() => parseBaseline(text, 'accepted.yaml')).toThrow(BaselineError);
    try {
      parseBaseline(text, 'accepted.yaml');
    } catch (error) {
      expect((error as BaselineError).problems).toEqual([
        'accepted.yaml:2: accepted[0].reason: unknown field',
        'accepted.yaml:2: accepted[0].justification: required, a non-empty string',
        "accepted.yaml:2: accepted[0].subject: 'process:sharing' is not party:KEY, flow:KEY or activity:KEY",
        "accepted.yaml:2: accepted[0].until: '2027-02-30' is not a date (YYYY-MM-DD)",
      ]);
    }
  });

  it('refuses a file that is not a list of acceptances', () => {
    expect(() => parseBaseline('- rule: X\n', 'b.yaml')).toThrow("a map with one key, 'accepted'");
    expect(() => parseBaseline('accepted: [\n', 'b.yaml')).toThrow(/^b\.yaml:/);
  });
});

describe('applyBaseline', () => {
  const acceptances = parseBaseline(BASELINE, 'accepted.yaml');
  const noPia = makeFinding();
  const noMechanism = makeFinding({ ruleId: 'GDPR-TRANSFER-NO-MECHANISM', severity: Severity.CRITICAL, activityKeys: ['accounts'], flowKeys: ['to-cloud'] });
  const otherFlow = makeFinding({ ruleId: 'GDPR-TRANSFER-NO-MECHANISM', severity: Severity.CRITICAL, activityKeys: ['accounts'], flowKeys: ['to-ads'] });

  it('accepts a finding of the same rule and subject until the last day, inclusive', () => {
    const onTheDay = applyBaseline([noPia], acceptances, '2027-03-31');
    expect(onTheDay.accepted.map(({ finding }) => finding)).toEqual([noPia]);
    const dayAfter = applyBaseline([noPia], acceptances, '2027-04-01');
    expect(dayAfter.expired.map(({ acceptance }) => acceptance.until)).toEqual(['2027-03-31']);
    expect(dayAfter.accepted).toEqual([]);
  });

  it('keeps findings of other subjects or rules open, and lists acceptances that match nothing', () => {
    const verdict = applyBaseline([noPia, noMechanism, otherFlow], acceptances, '2026-12-02');
    expect(verdict.open).toEqual([otherFlow]);
    expect(verdict.expired.map(({ finding }) => finding)).toEqual([noMechanism]);
    expect(verdict.accepted.map(({ finding }) => finding)).toEqual([noPia]);
    expect(verdict.unmatched.map((acceptance) => acceptance.subject.key)).toEqual(['gone']);
  });
});
