import { describe, expect, it } from 'vitest';
import { EvidenceKind } from '../../domain/evidence-kind';
import {
  inventoryFindings,
  makeActivity,
  makeCategory,
  makeEvidence,
  makeFlow,
  makeMechanism,
  makeParty,
  makeSnapshot,
  ruleIdsOf,
} from '../test-factories';
import { PiplExemption, TransferMechanism } from '../../domain/transfer-mechanism';
import { PartyKind } from '../../domain/party-kind';

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
  const personGroups = counted === undefined ? [] : [{ subjectCategoryIds: ['customer'], persons: counted }];
  return ruleIdsOf(inventoryFindings(snapshot, AS_OF, { personGroups })).filter((id) => id.startsWith('PIPL-VOLUME'));
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

describe('volumes per handler', () => {
  const controller = makeParty({ key: 'controller', kind: PartyKind.CONTROLLER, countries: ['CN'] });
  const processor = makeParty({ key: 'cloud', kind: PartyKind.PROCESSOR, countries: ['CN'] });
  const recipient = (key: string) => makeParty({ key, kind: PartyKind.AFFILIATE, countries: ['DE'], evidence: [makeEvidence(EvidenceKind.RECIPIENT_CONTACT)] });
  const exportFlow = (key: string, activityId: string, fromId: string, toId: string, fields: Partial<Parameters<typeof makeFlow>[0]> = {}) =>
    makeFlow({ key, activityId, fromId, toId, categoryIds: ['contact'], mechanism: TransferMechanism.PIPL_EXEMPTION, piplExemption: PiplExemption.UNDER_100000_PERSONS, evidence: FILED, ...fields });
  const world = (flows: ReturnType<typeof makeFlow>[], parties = [controller, recipient('hq'), recipient('lab')]) =>
    makeSnapshot({
      parties,
      categories: [makeCategory({ key: 'contact' }), makeCategory({ key: 'location.precise', piplSensitive: true })],
      activities: ['crm', 'app'].map((key) => makeActivity({ key, categoryIds: ['contact', 'location.precise'], evidence: [makeEvidence(EvidenceKind.PI_IMPACT_ASSESSMENT)] })),
      flows,
    });
  const volumeFindings = (snapshot: ReturnType<typeof makeSnapshot>, options = {}) =>
    inventoryFindings(snapshot, AS_OF, options)
      .filter((finding) => finding.ruleId.startsWith('PIPL-VOLUME') || finding.ruleId === 'PIPL-EXEMPTION-UNNAMED')
      .map((finding) => [finding.ruleId, finding.flowIds[0]]);

  it('adds up what one handler exports across its flows and activities: two 60,000-person exports are 120,000', () => {
    const snapshot = world([
      exportFlow('crm-hq', 'crm', 'controller', 'hq', { annualSubjects: 60_000 }),
      exportFlow('app-lab', 'app', 'controller', 'lab', { annualSubjects: 60_000 }),
    ]);
    expect(volumeFindings(snapshot)).toEqual([
      ['PIPL-VOLUME-CONTRACT-REQUIRED', 'app-lab'],
      ['PIPL-VOLUME-CONTRACT-REQUIRED', 'crm-hq'],
    ]);
  });

  it('counts a stored person once across the handler’s exports, however many carry their data', () => {
    const snapshot = world([exportFlow('crm-hq', 'crm', 'controller', 'hq'), exportFlow('app-lab', 'app', 'controller', 'lab')]);
    expect(volumeFindings(snapshot, { personGroups: [{ subjectCategoryIds: ['customer'], persons: 99_999 }] })).toEqual([]);
    expect(volumeFindings(snapshot, { personGroups: [{ subjectCategoryIds: ['customer'], persons: 100_000 }] })).toHaveLength(2);
  });

  it('counts an export by a processor against the controller it processes for', () => {
    const snapshot = world(
      [
        exportFlow('crm-hq', 'crm', 'controller', 'hq', { annualSubjects: 60_000 }),
        makeFlow({ key: 'crm-cloud', activityId: 'crm', fromId: 'controller', toId: 'cloud', categoryIds: ['contact'] }),
        exportFlow('cloud-lab', 'crm', 'cloud', 'lab', { annualSubjects: 60_000 }),
      ],
      [controller, processor, recipient('hq'), recipient('lab')],
    );
    expect(volumeFindings(snapshot)).toEqual([
      ['PIPL-VOLUME-CONTRACT-REQUIRED', 'crm-hq'],
      ['PIPL-VOLUME-CONTRACT-REQUIRED', 'cloud-lab'],
    ]);
  });

  it('leaves out of the count, and out of the thresholds, an export on an exemption that holds whatever the volume', () => {
    const booking = exportFlow('crm-hq', 'crm', 'controller', 'hq', {
      categoryIds: ['contact', 'location.precise'],
      annualSubjects: 2_000_000,
      piplExemption: PiplExemption.CONTRACT_NECESSITY,
    });
    expect(volumeFindings(world([booking]))).toEqual([]);
    expect(volumeFindings(world([booking, exportFlow('app-lab', 'app', 'controller', 'lab', { annualSubjects: 60_000 })]))).toEqual([]);
    for (const exemption of [PiplExemption.HR_MANAGEMENT, PiplExemption.EMERGENCY, PiplExemption.COLLECTED_ABROAD, PiplExemption.FREE_TRADE_ZONE]) {
      expect(volumeFindings(world([{ ...booking, mechanisms: [makeMechanism(TransferMechanism.PIPL_EXEMPTION, { piplExemption: exemption })] }]))).toEqual([]);
    }
  });

  it('holds Art. 5(4) to its volume and to non-sensitive data', () => {
    expect(volumeFindings(world([exportFlow('crm-hq', 'crm', 'controller', 'hq', { annualSubjects: 150_000 })]))).toEqual([['PIPL-VOLUME-CONTRACT-REQUIRED', 'crm-hq']]);
    expect(volumeFindings(world([exportFlow('crm-hq', 'crm', 'controller', 'hq', { categoryIds: ['location.precise'] })]))).toEqual([['PIPL-VOLUME-CONTRACT-REQUIRED', 'crm-hq']]);
  });

  it('treats a child’s data under 14 as sensitive for the thresholds', () => {
    const snapshot = world([exportFlow('crm-hq', 'crm', 'controller', 'hq', { annualSubjects: 10 })]);
    expect(volumeFindings(snapshot)).toEqual([]);
    expect(volumeFindings(snapshot, { childActivityIds: new Set(['crm']) })).toEqual([['PIPL-VOLUME-CONTRACT-REQUIRED', 'crm-hq']]);
    expect(volumeFindings(snapshot, { childActivityIds: new Set(['crm']), personGroups: [{ subjectCategoryIds: ['customer'], persons: 10_000 }] })).toEqual([
      ['PIPL-VOLUME-ASSESSMENT-REQUIRED', 'crm-hq'],
    ]);
  });
});

describe('PIPL-EXEMPTION-UNNAMED', () => {
  it('fires on an export that claims an exemption without naming it, and judges it as Art. 5(4)', () => {
    const ids = (piplExemption: PiplExemption | null, annualSubjects: number) => {
      const snapshot = makeSnapshot({
        parties: [
          makeParty({ key: 'controller', kind: PartyKind.CONTROLLER, countries: ['CN'] }),
          makeParty({ key: 'hotel', kind: PartyKind.THIRD_PARTY, countries: ['FR'], evidence: [makeEvidence(EvidenceKind.RECIPIENT_CONTACT)] }),
        ],
        categories: [makeCategory({ key: 'contact' })],
        activities: [makeActivity({ key: 'booking', categoryIds: ['contact'] })],
        flows: [
          makeFlow({ key: 'f', activityId: 'booking', fromId: 'controller', toId: 'hotel', categoryIds: ['contact'], mechanism: TransferMechanism.PIPL_EXEMPTION, piplExemption, annualSubjects, evidence: FILED }),
        ],
      });
      return ruleIdsOf(inventoryFindings(snapshot, AS_OF)).filter((id) => id.startsWith('PIPL-VOLUME') || id === 'PIPL-EXEMPTION-UNNAMED');
    };
    expect(ids(null, 2_000_000)).toEqual(['PIPL-EXEMPTION-UNNAMED', 'PIPL-VOLUME-ASSESSMENT-REQUIRED']);
    expect(ids(PiplExemption.CONTRACT_NECESSITY, 2_000_000)).toEqual([]);
  });
});
