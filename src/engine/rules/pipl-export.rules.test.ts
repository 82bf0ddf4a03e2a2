import { describe, expect, it } from 'vitest';
import { LegalBasis } from '../../domain/legal-basis';
import { ConsentKind } from '../../domain/consent-kind';
import { EvidenceKind } from '../../domain/evidence-kind';
import { computeDataFlows } from '../answers/compute-data-flows';
import type { EvidenceRecord, SnapshotParty } from '../core/inventory-snapshot';
import {
  type ActivityFields,
  inventoryFindings,
  makeActivity,
  makeCategory,
  makeConsent,
  makeEvidence,
  makeFlow,
  makeParty,
  makeProfile,
  makeSnapshot,
  ruleIdsOf,
  type FlowFields,
} from '../test-factories';
import { PiplExemption, TransferMechanism } from '../../domain/transfer-mechanism';
import { PartyKind } from '../../domain/party-kind';
import { assessmentValidUntil } from './pipl-export.rules';

const AS_OF = '2024-06-01';

/** Everything an export under a standard contract needs, so that each test removes one thing. */
const NOTICE = makeEvidence(EvidenceKind.ART39_NOTICE);
const FILING = makeEvidence(EvidenceKind.PIPL_STANDARD_CONTRACT_FILING);
const RECIPIENT_EVIDENCE = [makeEvidence(EvidenceKind.RECIPIENT_CONTACT)];

interface ExportCase {
  to?: string[];
  flow?: FlowFields;
  receiver?: Partial<SnapshotParty>;
  activity?: ActivityFields;
}

function exportWorld({ to = ['SG'], flow = {}, receiver = {}, activity = {} }: ExportCase) {
  return makeSnapshot({
    parties: [
      makeParty({ key: 'controller', kind: PartyKind.CONTROLLER, countries: ['CN'] }),
      makeParty({ key: 'hq', kind: PartyKind.JOINT_CONTROLLER, countries: to, evidence: RECIPIENT_EVIDENCE, ...receiver }),
    ],
    categories: [makeCategory({ key: 'contact' })],
    activities: [
      makeActivity({ key: 'crm', categoryIds: ['contact'], evidence: [makeEvidence(EvidenceKind.PI_IMPACT_ASSESSMENT)], ...activity }),
    ],
    flows: [
      makeFlow({
        key: 'f-hq',
        activityId: 'crm',
        fromId: 'controller',
        toId: 'hq',
        categoryIds: ['contact'],
        mechanism: TransferMechanism.PIPL_STANDARD_CONTRACT,
        evidence: [NOTICE, FILING],
        necessity: 'the group CRM serves the contract with the customer',
        ...flow,
      }),
    ],
  });
}
const ruleIds = (fields: ExportCase, asOf = AS_OF) => ruleIdsOf(inventoryFindings(exportWorld(fields), asOf));

it('finds nothing wrong with a complete export (the baseline of these tests)', () => {
  expect(ruleIds({})).toEqual([]);
});

describe('PIPL-EXPORT-NO-MECHANISM', () => {
  it('fires on an export with no mechanism, or with a GDPR one', () => {
    expect(ruleIds({ flow: { mechanism: null } })).toContain('PIPL-EXPORT-NO-MECHANISM');
    expect(ruleIds({ flow: { mechanism: TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES } })).toContain('PIPL-EXPORT-NO-MECHANISM');
  });

  it('counts Hong Kong as outside mainland China', () => {
    expect(ruleIds({ to: ['HK'], flow: { mechanism: null } })).toContain('PIPL-EXPORT-NO-MECHANISM');
  });

  it('does not fire with an Art. 38 mechanism or within mainland China', () => {
    expect(ruleIds({ flow: { mechanism: TransferMechanism.PIPL_EXEMPTION, piplExemption: PiplExemption.CONTRACT_NECESSITY } })).toEqual([]);
    expect(ruleIds({ to: ['CN'], flow: { mechanism: null } })).toEqual([]);
  });
});

describe('PIPL-EXPORT-NO-SEPARATE-CONSENT', () => {
  it('fires on an export on ordinary consent', () => {
    expect(ruleIds({ flow: { legalBasis: LegalBasis.CONSENT } })).toContain('PIPL-EXPORT-NO-SEPARATE-CONSENT');
  });

  it('does not fire on separate consent, or on a basis that needs no consent (Art. 13 para. 2)', () => {
    expect(ruleIds({ flow: { legalBasis: LegalBasis.SEPARATE_CONSENT } })).not.toContain('PIPL-EXPORT-NO-SEPARATE-CONSENT');
    expect(ruleIds({ flow: { legalBasis: LegalBasis.CONTRACT } })).not.toContain('PIPL-EXPORT-NO-SEPARATE-CONSENT');
  });

  it('for a person: fires unless they hold a separate consent', () => {
    const snapshot = exportWorld({ activity: { legalBasis: LegalBasis.CONSENT } });
    const idsWith = (kind: ConsentKind) =>
      ruleIdsOf(
        computeDataFlows(snapshot, makeProfile({ countryOfResidence: 'CN', consents: [makeConsent({ activityId: 'crm', kind })] }), { asOf: AS_OF })
          .findings,
      );
    expect(idsWith(ConsentKind.ORDINARY)).toContain('PIPL-EXPORT-NO-SEPARATE-CONSENT');
    expect(idsWith(ConsentKind.SEPARATE)).not.toContain('PIPL-EXPORT-NO-SEPARATE-CONSENT');
  });
});

describe('PIPL-EXPORT-NO-NOTICE', () => {
  it('fires without the Art. 39 notice or without the recipient’s contact', () => {
    expect(ruleIds({ flow: { evidence: [FILING] } })).toEqual(['PIPL-EXPORT-NO-NOTICE']);
    expect(ruleIds({ receiver: { evidence: [] } })).toEqual(['PIPL-EXPORT-NO-NOTICE']);
  });

  it('does not fire within mainland China', () => {
    expect(ruleIds({ to: ['CN'], flow: { evidence: [] }, receiver: { evidence: [] } })).toEqual([]);
  });
});

describe('PIPL-MECHANISM-NO-FILING', () => {
  it('fires on a standard contract not filed, a certification without certificate, an assessment never passed', () => {
    expect(ruleIds({ flow: { evidence: [NOTICE] } })).toEqual(['PIPL-MECHANISM-NO-FILING']);
    expect(ruleIds({ flow: { mechanism: TransferMechanism.PIPL_CERTIFICATION } })).toEqual(['PIPL-MECHANISM-NO-FILING']);
    expect(ruleIds({ flow: { mechanism: TransferMechanism.CAC_SECURITY_ASSESSMENT } })).toEqual(['PIPL-MECHANISM-NO-FILING']);
  });

  it('fires on a filing dated after the day asked', () => {
    expect(ruleIds({ flow: { evidence: [NOTICE, makeEvidence(EvidenceKind.PIPL_STANDARD_CONTRACT_FILING, '2024-06-02')] } })).toEqual([
      'PIPL-MECHANISM-NO-FILING',
    ]);
  });

  it('does not fire with the filing on record', () => {
    const certified = [NOTICE, makeEvidence(EvidenceKind.PIPL_CERTIFICATE)];
    expect(ruleIds({ flow: { mechanism: TransferMechanism.PIPL_CERTIFICATION, evidence: certified } })).toEqual([]);
  });
});

describe('PIPL-ASSESSMENT-EXPIRED', () => {
  const assessed = (...passes: EvidenceRecord[]) => ({
    flow: { mechanism: TransferMechanism.CAC_SECURITY_ASSESSMENT, evidence: [NOTICE, ...passes] },
  });

  it('keeps an assessment valid up to its third anniversary, and not a day longer', () => {
    const passed = makeEvidence(EvidenceKind.CAC_ASSESSMENT_PASSED, '2021-06-01');
    expect(ruleIds(assessed(passed), '2024-06-01')).toEqual([]);
    expect(ruleIds(assessed(passed), '2024-06-02')).toEqual(['PIPL-ASSESSMENT-EXPIRED']);
  });

  it('fires past an earlier expiry on record', () => {
    expect(ruleIds(assessed(makeEvidence(EvidenceKind.CAC_ASSESSMENT_PASSED, '2023-01-01', '2024-05-31')))).toEqual([
      'PIPL-ASSESSMENT-EXPIRED',
    ]);
  });

  it('does not fire once a newer assessment is passed', () => {
    const old = makeEvidence(EvidenceKind.CAC_ASSESSMENT_PASSED, '2020-01-01');
    const renewed = makeEvidence(EvidenceKind.CAC_ASSESSMENT_PASSED, '2023-01-01');
    expect(ruleIds(assessed(old, renewed))).toEqual([]);
  });

  it('counts 3 years on the calendar, 29 February included', () => {
    expect(assessmentValidUntil('2024-02-29')).toBe('2027-02-29');
    expect('2027-02-28' <= assessmentValidUntil('2024-02-29') && '2027-03-01' > assessmentValidUntil('2024-02-29')).toBe(true);
  });
});
