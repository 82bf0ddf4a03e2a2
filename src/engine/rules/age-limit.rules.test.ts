import { describe, expect, it } from 'vitest';
import { LegalBasis } from '../../domain/legal-basis';
import { ConsentKind } from '../../domain/consent-kind';
import { CollectionRefusal } from '../core/age-limits';
import { computeDataFlows, storedSubjectFindings } from '../answers/compute-data-flows';
import type { ConsentRecord } from '../core/inventory-snapshot';
import { EvidenceKind } from '../../domain/evidence-kind';
import { makeActivity, makeCategory, makeConsent, makeEvidence, makeFlow, makeParty, makeProfile, makeSnapshot, ruleIdsOf } from '../test-factories';
import { PartyKind } from '../../domain/party-kind';

const AS_OF = '2024-06-01T09:00:00Z';

interface Limits {
  minimumAge?: number | null;
  guardianConsentUnder?: number | null;
  legalBasis?: LegalBasis;
}

function snapshotWith({ minimumAge = null, guardianConsentUnder = null, legalBasis = LegalBasis.CONTRACT }: Limits) {
  return makeSnapshot({
    parties: [makeParty({ key: 'controller', kind: PartyKind.CONTROLLER, countries: ['SG'] }), makeParty({ key: 'cloud', kind: PartyKind.PROCESSOR, countries: ['SG'] })],
    categories: [makeCategory({ key: 'contact' })],
    activities: [
      makeActivity({ key: 'accounts', legalBasis, categoryIds: ['contact'], minimumAge, guardianConsentUnder, evidence: [makeEvidence(EvidenceKind.PI_IMPACT_ASSESSMENT)] }),
    ],
    flows: [makeFlow({ key: 'to-cloud', activityId: 'accounts', fromId: 'controller', toId: 'cloud', categoryIds: ['contact'] })],
  });
}

function answerFor(limits: Limits, ageInYears: number | null, consents: ConsentRecord[] = [], personId: string | null = 'p-1') {
  return computeDataFlows(snapshotWith(limits), makeProfile({ countryOfResidence: 'SG', ageInYears, consents }), { asOf: AS_OF, personId });
}

const byGuardian = [makeConsent({ activityId: 'accounts', givenByGuardian: true })];
const own = [makeConsent({ activityId: 'accounts' })];

describe('an activity for adults only (minimumAge)', () => {
  it('collects nothing from a younger person, says why, and reports a stored one', () => {
    const answer = answerFor({ minimumAge: 18 }, 16);
    expect(answer.collections).toEqual([]);
    expect(answer.hops).toEqual([]);
    expect(answer.refusedCollections).toEqual([
      { activityId: 'accounts', reason: CollectionRefusal.BELOW_MINIMUM_AGE, message: "Activity 'accounts' serves persons from 18; this person is 16" },
    ]);
    expect(ruleIdsOf(answer.findings)).toEqual(['ANY-BELOW-MINIMUM-AGE']);
    expect(answer.findings[0]).toMatchObject({ personIds: ['p-1'], activityIds: ['accounts'] });
  });

  it('serves a person of the minimum age, and one whose age is unknown', () => {
    for (const age of [18, 40, null]) {
      const answer = answerFor({ minimumAge: 18 }, age);
      expect(answer.collections.map((collection) => collection.activityId)).toEqual(['accounts']);
      expect(answer.refusedCollections).toEqual([]);
      expect(ruleIdsOf(answer.findings)).toEqual([]);
    }
  });

  it('refuses a profile asked about without reporting a finding: nobody is stored', () => {
    const answer = answerFor({ minimumAge: 18 }, 16, [], null);
    expect(answer.refusedCollections.map((refusal) => refusal.reason)).toEqual([CollectionRefusal.BELOW_MINIMUM_AGE]);
    expect(answer.findings).toEqual([]);
  });

  it('is not refused under a limit not set: the same person is served', () => {
    expect(answerFor({}, 16).collections).toHaveLength(1);
  });
});

describe("an activity needing a guardian's consent under an age (guardianConsentUnder)", () => {
  it('on a contract, collects from a younger person only with a guardian’s consent', () => {
    const without = answerFor({ guardianConsentUnder: 14 }, 12);
    expect(without.collections).toEqual([]);
    expect(without.refusedCollections).toEqual([
      {
        activityId: 'accounts',
        reason: CollectionRefusal.NO_GUARDIAN_CONSENT,
        message: "Activity 'accounts' needs a guardian's consent under 14; this person, aged 12, holds none",
      },
    ]);
    expect(ruleIdsOf(without.findings)).toEqual(['ANY-AGE-LIMIT-NO-GUARDIAN-CONSENT']);
    expect(answerFor({ guardianConsentUnder: 14 }, 12, own).refusedCollections).toHaveLength(1);

    const withGuardian = answerFor({ guardianConsentUnder: 14 }, 12, byGuardian);
    expect(withGuardian.refusedCollections).toEqual([]);
    expect(withGuardian.hops.map((hop) => hop.flowId)).toEqual(['to-cloud']);
    expect(ruleIdsOf(withGuardian.findings)).toEqual([]);
  });

  it('needs nothing of a person of that age or older', () => {
    expect(answerFor({ guardianConsentUnder: 14 }, 14).refusedCollections).toEqual([]);
    expect(answerFor({ guardianConsentUnder: 14 }, 14).findings).toEqual([]);
  });

  it('on consent, counts only the guardian’s consent below the activity’s age though the law’s age is lower', () => {
    // Singapore has no digital consent age on record: only the activity's age asks for the guardian.
    expect(answerFor({ guardianConsentUnder: 18, legalBasis: LegalBasis.CONSENT }, 16, own).collections).toEqual([]);
    expect(answerFor({ guardianConsentUnder: 18, legalBasis: LegalBasis.CONSENT }, 16, byGuardian).collections).toHaveLength(1);
    expect(answerFor({ guardianConsentUnder: 18, legalBasis: LegalBasis.CONSENT }, 18, own).collections).toHaveLength(1);
  });

  it('asks for the guardian’s separate consent on a separate-consent basis', () => {
    const separate = [makeConsent({ activityId: 'accounts', givenByGuardian: true, kind: ConsentKind.SEPARATE })];
    expect(answerFor({ guardianConsentUnder: 18, legalBasis: LegalBasis.SEPARATE_CONSENT }, 16, byGuardian).collections).toEqual([]);
    expect(answerFor({ guardianConsentUnder: 18, legalBasis: LegalBasis.SEPARATE_CONSENT }, 16, separate).collections).toHaveLength(1);
  });

  it('reports the stored persons who break it across the whole map, once each', () => {
    const subjects = [
      { personId: 'kid', profile: makeProfile({ countryOfResidence: 'SG', ageInYears: 12 }) },
      { personId: 'kid-with-parent', profile: makeProfile({ countryOfResidence: 'SG', ageInYears: 12, consents: byGuardian }) },
      { personId: 'adult', profile: makeProfile({ countryOfResidence: 'SG', ageInYears: 30 }) },
    ];
    const { findings } = storedSubjectFindings(snapshotWith({ minimumAge: 6, guardianConsentUnder: 14 }), subjects, AS_OF);
    expect(findings.map((finding) => [finding.ruleId, finding.personIds])).toEqual([['ANY-AGE-LIMIT-NO-GUARDIAN-CONSENT', ['kid']]]);
  });
});
