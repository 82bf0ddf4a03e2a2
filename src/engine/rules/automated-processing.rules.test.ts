import { describe, expect, it } from 'vitest';
import { AutomatedDecisions } from '../../modules/activity/automated-decisions';
import { LegalBasis } from '../../domain/legal-basis';
import { EvidenceKind } from '../../domain/evidence-kind';
import { inventoryFindingsOf } from '../answers/inventory-flows';
import type { SnapshotActivity } from '../core/inventory-snapshot';
import { makeActivity, makeCategory, makeEvidence, makeParty, makeSnapshot } from '../test-factories';
import { PartyKind } from '../../domain/party-kind';

const AS_OF = '2024-06-01';
const RULES_HERE = /ADVERTISING|MARKETING|AUTOMATED-DECISION|DPIA|PIPL-NO-PIA/;

type Flags = Partial<Pick<SnapshotActivity, 'personalisedAdvertising' | 'advertisingOptOut' | 'automatedDecisions' | 'humanReview' | 'legalBasis' | 'evidence'>>;

/** The findings of the rules about advertising and automated decisions, for a controller in the country. */
function findingsFor(country: string, flags: Flags): { ruleId: string; message: string }[] {
  const snapshot = makeSnapshot({
    parties: [makeParty({ key: 'controller', kind: PartyKind.CONTROLLER, countries: [country] })],
    categories: [makeCategory({ key: 'usage' })],
    activities: [makeActivity({ key: 'feed', categoryIds: ['usage'], legalBasis: LegalBasis.CONTRACT, ...flags })],
  });
  return inventoryFindingsOf(snapshot, { asOf: AS_OF })
    .filter((finding) => RULES_HERE.test(finding.ruleId))
    .map(({ ruleId, message }) => ({ ruleId, message }))
    .sort((a, b) => (a.ruleId < b.ruleId ? -1 : 1));
}

const ruleIds = (country: string, flags: Flags) => findingsFor(country, flags).map((finding) => finding.ruleId);
const PIA = makeEvidence(EvidenceKind.PI_IMPACT_ASSESSMENT);
const DPIA = makeEvidence(EvidenceKind.DATA_PROTECTION_IMPACT_ASSESSMENT);

describe('personalised advertising (PIPL Art. 24(2), GDPR Art. 21(2)-(3))', () => {
  it('needs a way to refuse it under PIPL and a way to object under GDPR', () => {
    expect(findingsFor('CN', { personalisedAdvertising: true })).toEqual([
      {
        ruleId: 'PIPL-ADVERTISING-NO-OPT-OUT',
        message: "Activity 'feed' pushes personalised information or marketing with neither an option not based on personal characteristics nor a convenient way to refuse",
      },
    ]);
    expect(ruleIds('DE', { personalisedAdvertising: true })).toEqual(['GDPR-MARKETING-NO-OBJECTION']);
    expect(ruleIds('GB', { personalisedAdvertising: true })).toEqual(['UK-GDPR-MARKETING-NO-OBJECTION']);
  });

  it('is not reported with the opt-out, nor without personalised advertising', () => {
    expect(ruleIds('CN', { personalisedAdvertising: true, advertisingOptOut: true })).toEqual([]);
    expect(ruleIds('DE', { personalisedAdvertising: true, advertisingOptOut: true })).toEqual([]);
    expect(ruleIds('CN', {})).toEqual([]);
    expect(ruleIds('DE', { advertisingOptOut: false })).toEqual([]);
  });
});

describe('automated decisions (PIPL Arts. 24, 55(2); GDPR Arts. 22, 35(3)(a))', () => {
  it('under PIPL: any automated decision-making needs an impact assessment first', () => {
    expect(findingsFor('CN', { automatedDecisions: AutomatedDecisions.AUTOMATED })).toEqual([
      { ruleId: 'PIPL-NO-PIA', message: "Activity 'feed' uses personal information for automated decision-making with no PI protection impact assessment on record" },
    ]);
    expect(ruleIds('CN', { automatedDecisions: AutomatedDecisions.AUTOMATED, evidence: [PIA] })).toEqual([]);
  });

  it('under PIPL: a significant one also needs the explanation and the refusal of Art. 24(3)', () => {
    expect(ruleIds('CN', { automatedDecisions: AutomatedDecisions.SIGNIFICANT, evidence: [PIA] })).toEqual(['PIPL-AUTOMATED-DECISION-NO-REFUSAL']);
    expect(ruleIds('CN', { automatedDecisions: AutomatedDecisions.SIGNIFICANT, evidence: [PIA], humanReview: true })).toEqual([]);
  });

  it('under GDPR: a solely automated significant decision needs an Art. 22(2) basis, human intervention and a DPIA', () => {
    expect(ruleIds('DE', { automatedDecisions: AutomatedDecisions.AUTOMATED })).toEqual([]);
    expect(ruleIds('DE', { automatedDecisions: AutomatedDecisions.SIGNIFICANT })).toEqual(['GDPR-AUTOMATED-DECISION-UNLAWFUL', 'GDPR-NO-DPIA']);
    expect(ruleIds('DE', { automatedDecisions: AutomatedDecisions.SIGNIFICANT, humanReview: true, evidence: [DPIA] })).toEqual([]);
    expect(findingsFor('DE', { automatedDecisions: AutomatedDecisions.SIGNIFICANT, humanReview: true, evidence: [DPIA], legalBasis: LegalBasis.LEGITIMATE_INTERESTS })).toEqual([
      {
        ruleId: 'GDPR-AUTOMATED-DECISION-UNLAWFUL',
        message: "Activity 'feed' takes solely automated decisions with significant effects on LEGITIMATE_INTERESTS, which is neither a contract, an authorising law nor explicit consent",
      },
    ]);
    // An authorising law lays down its own measures (Art. 22(2)(b)): no Art. 22(3) human intervention asked.
    expect(ruleIds('DE', { automatedDecisions: AutomatedDecisions.SIGNIFICANT, legalBasis: LegalBasis.LEGAL_OBLIGATION, evidence: [DPIA] })).toEqual([]);
    expect(ruleIds('DE', { automatedDecisions: AutomatedDecisions.SIGNIFICANT, legalBasis: LegalBasis.CONSENT, evidence: [DPIA] })).toEqual(['GDPR-AUTOMATED-DECISION-UNLAWFUL']);
  });

  it('a PIPL impact assessment is no GDPR DPIA, nor the other way round', () => {
    expect(ruleIds('DE', { automatedDecisions: AutomatedDecisions.SIGNIFICANT, humanReview: true, evidence: [PIA] })).toEqual(['GDPR-NO-DPIA']);
    expect(ruleIds('CN', { automatedDecisions: AutomatedDecisions.AUTOMATED, evidence: [DPIA] })).toEqual(['PIPL-NO-PIA']);
  });
});
