import { describe, expect, it } from 'vitest';
import { EvidenceKind } from '../evidence/evidence-kind';
import {
  inventoryFindings,
  makeActivity,
  makeCategory,
  makeEvidence,
  makeFlow,
  makeParty,
  makeSnapshot,
  ruleIdsOf,
} from '../flow-engine/test-factories';
import { TransferMechanism } from '../flow/transfer-mechanism';
import { PartyKind } from '../party/party-kind';

const AS_OF = '2024-06-01';
const FILED = [
  makeEvidence(EvidenceKind.ART39_NOTICE),
  makeEvidence(EvidenceKind.PIPL_STANDARD_CONTRACT_FILING),
  makeEvidence(EvidenceKind.CAC_ASSESSMENT_PASSED, '2023-01-01'),
];

interface VolumeCase {
  mechanism: TransferMechanism;
  annualSubjects?: number | null;
  counted?: number;
  sensitive?: boolean;
}

function volumeRuleIds({ mechanism, annualSubjects = null, counted, sensitive = false }: VolumeCase): string[] {
  const category = sensitive ? 'location.precise' : 'contact';
  const snapshot = makeSnapshot({
    parties: [
      makeParty({ key: 'controller', kind: PartyKind.CONTROLLER, countries: ['CN'] }),
      makeParty({ key: 'hq', kind: PartyKind.AFFILIATE, countries: ['DE'], evidence: [makeEvidence(EvidenceKind.RECIPIENT_CONTACT)] }),
    ],
    categories: [makeCategory({ key: 'contact' }), makeCategory({ key: 'location.precise', piplSensitive: true })],
    activities: [
      makeActivity({ key: 'crm', categoryIds: [category], evidence: [makeEvidence(EvidenceKind.PI_IMPACT_ASSESSMENT)] }),
    ],
    flows: [
      makeFlow({ key: 'f-hq', activityId: 'crm', fromId: 'controller', toId: 'hq', categoryIds: [category], mechanism, annualSubjects, evidence: FILED }),
    ],
  });
  const volumes = counted === undefined ? undefined : new Map([['f-hq', counted]]);
  return ruleIdsOf(inventoryFindings(snapshot, AS_OF, volumes)).filter((id) => id.startsWith('PIPL-VOLUME'));
}

describe('PIPL-VOLUME-CONTRACT-REQUIRED', () => {
  const exempt = TransferMechanism.PIPL_EXEMPTION;

  it('fires on the exemption from 100,000 persons since 1 January', () => {
    expect(volumeRuleIds({ mechanism: exempt, annualSubjects: 100_000 })).toEqual(['PIPL-VOLUME-CONTRACT-REQUIRED']);
  });

  it('fires on the exemption for any sensitive personal information', () => {
    expect(volumeRuleIds({ mechanism: exempt, annualSubjects: 1, sensitive: true })).toEqual(['PIPL-VOLUME-CONTRACT-REQUIRED']);
  });

  it('takes the larger of the declared and the counted volume', () => {
    expect(volumeRuleIds({ mechanism: exempt, annualSubjects: 10, counted: 150_000 })).toEqual(['PIPL-VOLUME-CONTRACT-REQUIRED']);
    expect(volumeRuleIds({ mechanism: exempt, annualSubjects: 150_000, counted: 10 })).toEqual(['PIPL-VOLUME-CONTRACT-REQUIRED']);
  });

  it('does not fire below 100,000 persons, or with a standard contract or certification', () => {
    expect(volumeRuleIds({ mechanism: exempt, annualSubjects: 99_999 })).toEqual([]);
    expect(volumeRuleIds({ mechanism: exempt })).toEqual([]);
    expect(volumeRuleIds({ mechanism: TransferMechanism.PIPL_STANDARD_CONTRACT, annualSubjects: 500_000 })).toEqual([]);
    expect(volumeRuleIds({ mechanism: TransferMechanism.PIPL_CERTIFICATION, annualSubjects: 9_999, sensitive: true })).toEqual([]);
  });
});

describe('PIPL-VOLUME-ASSESSMENT-REQUIRED', () => {
  const contract = TransferMechanism.PIPL_STANDARD_CONTRACT;

  it('fires without a security assessment from 1,000,000 persons, or 10,000 with sensitive PI', () => {
    expect(volumeRuleIds({ mechanism: contract, annualSubjects: 1_000_000 })).toEqual(['PIPL-VOLUME-ASSESSMENT-REQUIRED']);
    expect(volumeRuleIds({ mechanism: contract, counted: 10_000, sensitive: true })).toEqual(['PIPL-VOLUME-ASSESSMENT-REQUIRED']);
  });

  it('does not fire below the thresholds, or with a security assessment', () => {
    expect(volumeRuleIds({ mechanism: contract, annualSubjects: 999_999 })).toEqual([]);
    expect(volumeRuleIds({ mechanism: contract, annualSubjects: 9_999, sensitive: true })).toEqual([]);
    expect(volumeRuleIds({ mechanism: TransferMechanism.CAC_SECURITY_ASSESSMENT, annualSubjects: 5_000_000, sensitive: true })).toEqual([]);
  });
});
