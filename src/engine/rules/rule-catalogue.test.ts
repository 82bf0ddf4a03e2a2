import { describe, expect, it } from 'vitest';
import { EvidenceKind } from '../../domain/evidence-kind';
import { computeInventoryHops, inventoryFindingsOf } from '../answers/inventory-flows';
import { indexSnapshot } from '../core/snapshot-index';
import { makeActivity, makeCategory, makeEvidence, makeFlow, makeParty, makeSnapshot } from '../test-factories';
import { PartyKind } from '../../domain/party-kind';
import { Severity, SEVERITY_ORDER } from '../core/finding';
import { RULES } from './rule-catalogue';
import { RuleScope, VerdictEffect } from '../core/rule-descriptor';

describe('RULES', () => {
  it('lists every rule once, by id', () => {
    expect(RULES.map((rule) => rule.id)).toEqual([
      'ANY-AGE-LIMIT-NO-GUARDIAN-CONSENT',
      'ANY-BELOW-MINIMUM-AGE',
      'ANY-LOCALISATION-BROKEN',
      'ANY-NO-RETENTION',
      'GDPR-ACTIVITY-PUBLICLY-DISCLOSED',
      'GDPR-ADEQUACY-MISAPPLIED',
      'GDPR-ART30-RECORD-INCOMPLETE',
      'GDPR-AUTOMATED-DECISION-UNLAWFUL',
      'GDPR-CONSENT-DEROGATION-CONTINUOUS',
      'GDPR-DEROGATION-CONTINUOUS',
      'GDPR-FLOW-PUBLICLY-DISCLOSED',
      'GDPR-MARKETING-NO-OBJECTION',
      'GDPR-MINOR-NO-GUARDIAN-CONSENT',
      'GDPR-NO-DPIA',
      'GDPR-PROCESSOR-NO-DPA',
      'GDPR-SPECIAL-CATEGORY-NO-ART9',
      'GDPR-TRANSFER-NO-MECHANISM',
      'GDPR-TRANSFER-NO-TIA',
      'PIPL-ACTIVITY-LEGITIMATE-INTERESTS',
      'PIPL-ADVERTISING-NO-OPT-OUT',
      'PIPL-ASSESSMENT-EXPIRED',
      'PIPL-AUTOMATED-DECISION-NO-REFUSAL',
      'PIPL-CHILD-NO-GUARDIAN-CONSENT',
      'PIPL-CHILD-NO-SEPARATE-CONSENT',
      'PIPL-CHILD-SENSITIVE-DUTIES',
      'PIPL-ENTRUSTMENT-NO-AGREEMENT',
      'PIPL-EXEMPTION-UNNAMED',
      'PIPL-EXPORT-NO-MECHANISM',
      'PIPL-EXPORT-NO-NOTICE',
      'PIPL-EXPORT-NO-SEPARATE-CONSENT',
      'PIPL-FLOW-LEGITIMATE-INTERESTS',
      'PIPL-MECHANISM-NO-FILING',
      'PIPL-NO-PIA',
      'PIPL-PROVISION-NECESSITY-UNRECORDED',
      'PIPL-PROVISION-NO-SEPARATE-CONSENT',
      'PIPL-SENSITIVE-NO-SEPARATE-CONSENT',
      'PIPL-VOLUME-ASSESSMENT-REQUIRED',
      'PIPL-VOLUME-CONTRACT-REQUIRED',
      'UK-GDPR-ACTIVITY-PUBLICLY-DISCLOSED',
      'UK-GDPR-ADEQUACY-MISAPPLIED',
      'UK-GDPR-ART30-RECORD-INCOMPLETE',
      'UK-GDPR-AUTOMATED-DECISION-UNLAWFUL',
      'UK-GDPR-CONSENT-DEROGATION-CONTINUOUS',
      'UK-GDPR-DEROGATION-CONTINUOUS',
      'UK-GDPR-FLOW-PUBLICLY-DISCLOSED',
      'UK-GDPR-MARKETING-NO-OBJECTION',
      'UK-GDPR-MINOR-NO-GUARDIAN-CONSENT',
      'UK-GDPR-NO-DPIA',
      'UK-GDPR-PROCESSOR-NO-DPA',
      'UK-GDPR-SPECIAL-CATEGORY-NO-ART9',
      'UK-GDPR-TRANSFER-NO-MECHANISM',
      'UK-GDPR-TRANSFER-NO-TIA',
    ]);
  });

  it('describes each rule fully, and only describes it', () => {
    for (const rule of RULES) {
      expect(Object.keys(rule).sort()).toEqual(['explanation', 'id', 'legalReference', 'regime', 'scope', 'severity', 'title', 'verdictEffect']);
      expect(rule.title.length).toBeGreaterThan(0);
      expect(rule.explanation).toMatch(/\.$/);
      expect(rule.legalReference.length).toBeGreaterThan(0);
      expect(SEVERITY_ORDER).toContain(rule.severity);
      expect(Object.values(RuleScope)).toContain(rule.scope);
      expect(Object.values(VerdictEffect)).toContain(rule.verdictEffect);
      expect(rule.regime === null).toBe(rule.id.startsWith('ANY-'));
    }
  });
});

describe('inventoryFindingsOf', () => {
  // Two paths reach the same flow out of the processor: one problem, reported once.
  const snapshot = makeSnapshot({
    parties: [
      makeParty({ key: 'controller', kind: PartyKind.CONTROLLER, countries: ['DE'] }),
      makeParty({ key: 'crm', countries: ['DE', 'FR'], evidence: [makeEvidence(EvidenceKind.DATA_PROCESSING_AGREEMENT)] }),
      makeParty({ key: 'vendor', kind: PartyKind.THIRD_PARTY, countries: ['IN'] }),
    ],
    categories: [makeCategory({ key: 'contact' })],
    activities: [makeActivity({ key: 'shop', categoryIds: ['contact'], retentionPeriod: null })],
    flows: [
      makeFlow({ key: 'f1', activityId: 'shop', fromId: 'controller', toId: 'crm', categoryIds: ['contact'], countries: ['DE'] }),
      makeFlow({ key: 'f2', activityId: 'shop', fromId: 'controller', toId: 'crm', categoryIds: ['contact'], countries: ['FR'] }),
      makeFlow({ key: 'f3', activityId: 'shop', fromId: 'crm', toId: 'vendor', categoryIds: ['contact'] }),
    ],
  });

  it('reports one finding per rule and subjects, most severe first', () => {
    expect(computeInventoryHops(snapshot, { asOf: '2024-06-01' }).filter((hop) => hop.flowId === 'f3')).toHaveLength(2);
    const findings = inventoryFindingsOf(indexSnapshot(snapshot), { asOf: '2024-06-01' });
    expect(findings.map((finding) => [finding.ruleId, finding.severity, finding.flowIds])).toEqual([
      ['GDPR-TRANSFER-NO-MECHANISM', Severity.CRITICAL, ['f3']],
      ['ANY-NO-RETENTION', Severity.MEDIUM, []],
      ['GDPR-ART30-RECORD-INCOMPLETE', Severity.MEDIUM, []],
    ]);
    expect(findings[0]).toMatchObject({ partyIds: ['crm', 'vendor'], activityIds: ['shop'], personIds: [] });
  });
});
