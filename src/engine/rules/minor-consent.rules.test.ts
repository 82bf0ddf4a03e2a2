import { describe, expect, it } from 'vitest';
import { LegalBasis } from '../../domain/legal-basis';
import { ConsentKind } from '../../domain/consent-kind';
import { computeDataFlows } from '../answers/compute-data-flows';
import type { ConsentRecord } from '../core/inventory-snapshot';
import { EvidenceKind } from '../../domain/evidence-kind';
import {
  makeActivity,
  makeEvidence,
  makeCategory,
  makeConsent,
  makeParty,
  makeProfile,
  makeSnapshot,
  ruleIdsOf,
} from '../test-factories';
import { PartyKind } from '../../domain/party-kind';

const AS_OF = '2024-06-01T09:00:00Z';

function answerFor(countryOfResidence: string, ageInYears: number | null, consents: ConsentRecord[], legalBasis = LegalBasis.CONSENT) {
  const snapshot = makeSnapshot({
    parties: [makeParty({ key: 'controller', kind: PartyKind.CONTROLLER, countries: [countryOfResidence] })],
    categories: [makeCategory({ key: 'contact' })],
    activities: [makeActivity({ key: 'game', legalBasis, categoryIds: ['contact'], evidence: [makeEvidence(EvidenceKind.PI_IMPACT_ASSESSMENT)] })],
  });
  const answer = computeDataFlows(snapshot, makeProfile({ countryOfResidence, ageInYears, consents }), { asOf: AS_OF, personId: 'kid' });
  return { ruleIds: ruleIdsOf(answer.findings), collected: answer.collections.length === 1, findings: answer.findings };
}

const own = [makeConsent({ activityId: 'game' })];
const guardian = [makeConsent({ activityId: 'game', givenByGuardian: true })];
const separateByGuardian = [makeConsent({ activityId: 'game', givenByGuardian: true, kind: ConsentKind.SEPARATE })];

describe('GDPR-MINOR-NO-GUARDIAN-CONSENT', () => {
  it('fires on a minor’s own consent below the age of the member state, and nothing is collected', () => {
    const answer = answerFor('DE', 15, own);
    expect(answer).toMatchObject({ ruleIds: ['GDPR-MINOR-NO-GUARDIAN-CONSENT'], collected: false });
    expect(answer.findings[0]).toMatchObject({ personIds: ['kid'], activityIds: ['game'], legalReference: 'GDPR Art. 8(1)' });
  });

  it('does not fire with a guardian’s consent, from the age of consent, on another basis, or without any consent', () => {
    expect(answerFor('DE', 15, guardian)).toMatchObject({ ruleIds: [], collected: true });
    expect(answerFor('DE', 16, own)).toMatchObject({ ruleIds: [], collected: true });
    expect(answerFor('BE', 13, own)).toMatchObject({ ruleIds: [], collected: true });
    expect(answerFor('DE', 15, [], LegalBasis.CONTRACT)).toMatchObject({ ruleIds: [], collected: true });
    expect(answerFor('DE', 15, [])).toMatchObject({ ruleIds: [], collected: false });
    expect(answerFor('DE', null, own)).toMatchObject({ ruleIds: [], collected: true });
  });
});

describe('UK-GDPR-MINOR-NO-GUARDIAN-CONSENT', () => {
  it('fires below 13 and not from 13 (DPA 2018 s. 9)', () => {
    expect(answerFor('GB', 12, own).ruleIds).toEqual(['UK-GDPR-MINOR-NO-GUARDIAN-CONSENT']);
    expect(answerFor('GB', 13, own).ruleIds).toEqual([]);
  });
});

describe('PIPL-CHILD-NO-GUARDIAN-CONSENT', () => {
  // ageInYears is the age on the day asked: 13 the day before the 14th birthday, 14 on it.
  it('fires the day before a child turns 14, and nothing is collected', () => {
    expect(answerFor('CN', 13, own)).toMatchObject({ ruleIds: ['PIPL-CHILD-NO-GUARDIAN-CONSENT'], collected: false });
  });

  it('does not fire once they are 14, nor with a guardian’s consent', () => {
    expect(answerFor('CN', 14, own)).toMatchObject({ ruleIds: [], collected: true });
    expect(answerFor('CN', 13, separateByGuardian)).toMatchObject({ ruleIds: [], collected: true });
  });
});

describe('PIPL-CHILD-NO-SEPARATE-CONSENT', () => {
  it("fires on a guardian's ordinary consent for a child under 14: the child's data is sensitive (Art. 28)", () => {
    const answer = answerFor('CN', 13, guardian);
    expect(answer).toMatchObject({ ruleIds: ['PIPL-CHILD-NO-SEPARATE-CONSENT'], collected: true });
    expect(answer.findings[0]).toMatchObject({ personIds: ['kid'], activityIds: ['game'], legalReference: 'PIPL Arts. 28, 29, 31' });
  });

  it("does not fire with the guardian's separate consent, from 14, outside PIPL, on another basis, or on the child's own consent", () => {
    expect(answerFor('CN', 13, separateByGuardian).ruleIds).toEqual([]);
    expect(answerFor('CN', 14, guardian).ruleIds).toEqual([]);
    expect(answerFor('DE', 13, guardian).ruleIds).toEqual([]);
    expect(answerFor('CN', 13, [], LegalBasis.CONTRACT).ruleIds).toEqual(['PIPL-CHILD-SENSITIVE-DUTIES']);
    expect(answerFor('CN', 13, own).ruleIds).toEqual(['PIPL-CHILD-NO-GUARDIAN-CONSENT']);
  });
});

describe('a child under PIPL wherever PIPL governs (Arts. 3, 28, 31)', () => {
  function chineseControllerAnswer(countryOfResidence: string, ageInYears: number, consents: ConsentRecord[], legalBasis = LegalBasis.CONSENT, evidence = [makeEvidence(EvidenceKind.PI_IMPACT_ASSESSMENT)]) {
    const snapshot = makeSnapshot({
      parties: [makeParty({ key: 'controller', kind: PartyKind.CONTROLLER, countries: ['CN'] })],
      categories: [makeCategory({ key: 'contact' })],
      activities: [makeActivity({ key: 'game', legalBasis, categoryIds: ['contact'], evidence })],
    });
    const answer = computeDataFlows(snapshot, makeProfile({ countryOfResidence, ageInYears, consents }), { asOf: AS_OF, personId: 'kid' });
    return { ruleIds: ruleIdsOf(answer.findings), findings: answer.findings };
  }

  it('applies the guardian-consent rules to a handler in China whatever the child’s residence (Art. 3(1))', () => {
    expect(chineseControllerAnswer('US', 12, own).ruleIds).toEqual(['PIPL-CHILD-NO-GUARDIAN-CONSENT']);
    expect(chineseControllerAnswer('US', 12, guardian).ruleIds).toEqual(['PIPL-CHILD-NO-SEPARATE-CONSENT']);
    expect(chineseControllerAnswer('US', 12, separateByGuardian).ruleIds).toEqual([]);
  });

  it('names the sensitive-data duties of a child’s data on another basis, never silence', () => {
    for (const basis of [LegalBasis.CONTRACT, LegalBasis.LEGAL_OBLIGATION, LegalBasis.VITAL_INTERESTS]) {
      const answer = chineseControllerAnswer('US', 9, [], basis);
      expect(answer.ruleIds).toEqual(['PIPL-CHILD-SENSITIVE-DUTIES']);
      expect(answer.findings[0]).toMatchObject({ severity: 'MEDIUM', personIds: ['kid'], activityIds: ['game'] });
      expect(answer.findings[0].message).toMatch(new RegExp(`aged 9 in US: activity 'game' handles their personal information on ${basis}`));
    }
    expect(chineseControllerAnswer('US', 14, [], LegalBasis.CONTRACT).ruleIds).toEqual([]);
    expect(answerFor('US', 9, [], LegalBasis.CONTRACT).ruleIds).toEqual([]);
  });

  it('treats the child’s data as sensitive for the impact assessment (Art. 55(1))', () => {
    const answer = chineseControllerAnswer('CN', 10, separateByGuardian, LegalBasis.CONSENT, []);
    expect(answer.ruleIds).toEqual(['PIPL-NO-PIA']);
    expect(answer.findings[0].message).toMatch(/processes sensitive personal information \(contact: a child’s under 14\)/);
    expect(chineseControllerAnswer('CN', 14, separateByGuardian, LegalBasis.CONSENT, []).ruleIds).toEqual([]);
  });
});
