import { describe, expect, it } from 'vitest';
import { LegalBasis } from '../../domain/legal-basis';
import { ConsentKind } from '../../domain/consent-kind';
import { EvidenceKind } from '../../domain/evidence-kind';
import { computeDataFlows } from '../answers/compute-data-flows';
import type { SnapshotParty } from '../core/inventory-snapshot';
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
import { RecipientRole } from '../../domain/recipient-role';
import { PartyKind } from '../../domain/party-kind';

const AS_OF = '2024-06-01';
const PIA = makeEvidence(EvidenceKind.PI_IMPACT_ASSESSMENT);

interface World {
  controllerCountry?: string;
  activity?: ActivityFields;
  receiver?: Partial<SnapshotParty>;
  flow?: FlowFields;
}

/** A controller in mainland China and, if asked, a recipient also in China (no export unless said). */
function world({ controllerCountry = 'CN', activity = {}, receiver, flow = {} }: World) {
  return makeSnapshot({
    parties: [
      makeParty({ key: 'controller', kind: PartyKind.CONTROLLER, countries: [controllerCountry] }),
      ...(receiver ? [makeParty({ key: 'other', countries: [controllerCountry], ...receiver })] : []),
    ],
    categories: [makeCategory({ key: 'contact' }), makeCategory({ key: 'biometric', piplSensitive: true }), makeCategory({ key: 'biometric.face', parentId: 'biometric' })],
    activities: [makeActivity({ key: 'app', categoryIds: ['contact'], evidence: [PIA], ...activity })],
    flows: receiver ? [makeFlow({ key: 'f', activityId: 'app', fromId: 'controller', toId: 'other', categoryIds: ['contact', 'biometric'], ...flow })] : [],
  });
}
const ruleIds = (fields: World) => ruleIdsOf(inventoryFindings(world(fields), AS_OF));

describe('PIPL-ACTIVITY-LEGITIMATE-INTERESTS', () => {
  it('fires on an activity governed by PIPL on legitimate interests', () => {
    expect(ruleIds({ activity: { legalBasis: LegalBasis.LEGITIMATE_INTERESTS } })).toEqual(['PIPL-ACTIVITY-LEGITIMATE-INTERESTS']);
  });

  it('fires for a person in mainland China whatever the controller’s country', () => {
    const snapshot = world({ controllerCountry: 'DE', activity: { legalBasis: LegalBasis.LEGITIMATE_INTERESTS } });
    const answer = computeDataFlows(snapshot, makeProfile({ countryOfResidence: 'CN' }), { asOf: AS_OF });
    expect(ruleIdsOf(answer.findings)).toEqual(['PIPL-ACTIVITY-LEGITIMATE-INTERESTS']);
  });

  it('does not fire outside PIPL, or on a basis PIPL knows', () => {
    expect(ruleIds({ controllerCountry: 'DE', activity: { legalBasis: LegalBasis.LEGITIMATE_INTERESTS } })).toEqual([]);
    expect(ruleIds({ activity: { legalBasis: LegalBasis.PUBLICLY_DISCLOSED } })).toEqual([]);
  });
});

describe('PIPL-FLOW-LEGITIMATE-INTERESTS', () => {
  const processor = { kind: PartyKind.PROCESSOR, evidence: [makeEvidence(EvidenceKind.PIPL_ENTRUSTMENT_AGREEMENT)] };

  it('fires on a hop under PIPL on legitimate interests', () => {
    expect(ruleIds({ receiver: processor, flow: { legalBasis: LegalBasis.LEGITIMATE_INTERESTS } })).toEqual(['PIPL-FLOW-LEGITIMATE-INTERESTS']);
  });

  it('does not fire on another basis, or outside PIPL', () => {
    expect(ruleIds({ receiver: processor })).toEqual([]);
    expect(ruleIds({ controllerCountry: 'DE', receiver: { kind: PartyKind.AFFILIATE }, flow: { legalBasis: LegalBasis.LEGITIMATE_INTERESTS } })).toEqual([]);
  });
});

describe('PIPL-SENSITIVE-NO-SEPARATE-CONSENT', () => {
  it('fires on sensitive PI, or a category under it, on ordinary consent', () => {
    expect(ruleIds({ activity: { legalBasis: LegalBasis.CONSENT, categoryIds: ['biometric.face'] } })).toEqual(['PIPL-SENSITIVE-NO-SEPARATE-CONSENT']);
  });

  it('does not fire on separate consent, on a basis that needs no consent, or without sensitive PI', () => {
    expect(ruleIds({ activity: { legalBasis: LegalBasis.SEPARATE_CONSENT, categoryIds: ['biometric'] } })).toEqual([]);
    expect(ruleIds({ activity: { legalBasis: LegalBasis.CONTRACT, categoryIds: ['biometric'] } })).toEqual([]);
    expect(ruleIds({ activity: { legalBasis: LegalBasis.CONSENT } })).toEqual([]);
  });

  it('for a person: fires unless they hold a separate consent', () => {
    const snapshot = world({ activity: { legalBasis: LegalBasis.CONSENT, categoryIds: ['biometric'] } });
    const idsWith = (kind: ConsentKind) =>
      ruleIdsOf(
        computeDataFlows(snapshot, makeProfile({ countryOfResidence: 'CN', consents: [makeConsent({ activityId: 'app', kind })] }), { asOf: AS_OF })
          .findings,
      );
    expect(idsWith(ConsentKind.ORDINARY)).toEqual(['PIPL-SENSITIVE-NO-SEPARATE-CONSENT']);
    expect(idsWith(ConsentKind.SEPARATE)).toEqual([]);
  });
});

describe('PIPL-ENTRUSTMENT-NO-AGREEMENT', () => {
  it('fires on a processor or sub-processor with no Art. 21 agreement', () => {
    expect(ruleIds({ receiver: { kind: PartyKind.PROCESSOR } })).toEqual(['PIPL-ENTRUSTMENT-NO-AGREEMENT']);
    expect(ruleIds({ receiver: { kind: PartyKind.SUB_PROCESSOR, evidence: [makeEvidence(EvidenceKind.DATA_PROCESSING_AGREEMENT)] } })).toEqual([
      'PIPL-ENTRUSTMENT-NO-AGREEMENT',
    ]);
  });

  it('does not fire with an agreement, or outside PIPL', () => {
    expect(ruleIds({ receiver: { kind: PartyKind.PROCESSOR, evidence: [makeEvidence(EvidenceKind.PIPL_ENTRUSTMENT_AGREEMENT)] } })).toEqual([]);
    expect(ruleIds({ controllerCountry: 'US', receiver: { kind: PartyKind.PROCESSOR } })).toEqual([]);
  });
});

describe('PIPL-PROVISION-NO-SEPARATE-CONSENT', () => {
  it('fires on provision to another handler or an SDK on ordinary consent', () => {
    for (const kind of [PartyKind.THIRD_PARTY, PartyKind.JOINT_CONTROLLER, PartyKind.SDK_PROVIDER, PartyKind.AFFILIATE]) {
      expect(ruleIds({ receiver: { kind }, flow: { legalBasis: LegalBasis.CONSENT } })).toEqual(['PIPL-PROVISION-NO-SEPARATE-CONSENT']);
    }
  });

  it('does not fire on separate consent, on another basis, or to a processor', () => {
    expect(ruleIds({ receiver: { kind: PartyKind.SDK_PROVIDER }, flow: { legalBasis: LegalBasis.SEPARATE_CONSENT } })).toEqual([]);
    expect(ruleIds({ receiver: { kind: PartyKind.SDK_PROVIDER }, flow: { legalBasis: LegalBasis.CONTRACT, necessity: 'payment for the order' } })).toEqual([]);
    const processor = { kind: PartyKind.PROCESSOR, evidence: [makeEvidence(EvidenceKind.PIPL_ENTRUSTMENT_AGREEMENT)] };
    expect(ruleIds({ receiver: processor, flow: { legalBasis: LegalBasis.CONSENT } })).toEqual([]);
  });

  it('for a person: fires on a consent-gated SDK unless the consent to it is separate', () => {
    const snapshot = world({
      receiver: { kind: PartyKind.SDK_PROVIDER },
      flow: { legalBasis: LegalBasis.CONSENT, consentRequired: true },
    });
    const idsWith = (kind: ConsentKind) =>
      ruleIdsOf(
        computeDataFlows(snapshot, makeProfile({ countryOfResidence: 'CN', consents: [makeConsent({ flowId: 'f', kind })] }), { asOf: AS_OF })
          .findings,
      );
    expect(idsWith(ConsentKind.ORDINARY)).toEqual(['PIPL-PROVISION-NO-SEPARATE-CONSENT']);
    expect(idsWith(ConsentKind.SEPARATE)).toEqual([]);
  });
});

describe("the flow's recipient role overrides the party kind (Arts. 21, 23)", () => {
  const agreement = [makeEvidence(EvidenceKind.PIPL_ENTRUSTMENT_AGREEMENT)];
  const entrustedSdk = { legalBasis: LegalBasis.CONSENT, recipientRole: RecipientRole.PROCESSOR };

  it('an SDK entrusted with processing under an agreement is no provision to another handler', () => {
    expect(ruleIds({ receiver: { kind: PartyKind.SDK_PROVIDER, evidence: agreement }, flow: entrustedSdk })).toEqual([]);
    expect(ruleIds({ receiver: { kind: PartyKind.SDK_PROVIDER, evidence: agreement }, flow: { ...entrustedSdk, legalBasis: LegalBasis.CONTRACT } })).toEqual([]);
  });

  it('an SDK entrusted with processing needs the Art. 21 agreement', () => {
    expect(ruleIds({ receiver: { kind: PartyKind.SDK_PROVIDER }, flow: entrustedSdk })).toEqual(['PIPL-ENTRUSTMENT-NO-AGREEMENT']);
  });

  it('a processor that is an independent handler on a flow needs the separate consent, its agreement notwithstanding', () => {
    const flow = { legalBasis: LegalBasis.CONSENT, recipientRole: RecipientRole.INDEPENDENT_HANDLER };
    expect(ruleIds({ receiver: { kind: PartyKind.PROCESSOR, evidence: agreement }, flow })).toEqual(['PIPL-PROVISION-NO-SEPARATE-CONSENT']);
    expect(ruleIds({ receiver: { kind: PartyKind.PROCESSOR }, flow })).toEqual(['PIPL-PROVISION-NO-SEPARATE-CONSENT']);
  });
});

describe('PIPL-PROVISION-NECESSITY-UNRECORDED', () => {
  it('asks for the necessity of a provision to another handler or an SDK on a basis other than consent', () => {
    for (const legalBasis of [LegalBasis.CONTRACT, LegalBasis.LEGAL_OBLIGATION, LegalBasis.VITAL_INTERESTS]) {
      for (const kind of [PartyKind.THIRD_PARTY, PartyKind.SDK_PROVIDER, PartyKind.AFFILIATE]) {
        expect(ruleIds({ receiver: { kind }, flow: { legalBasis } })).toEqual(['PIPL-PROVISION-NECESSITY-UNRECORDED']);
      }
    }
    const finding = inventoryFindings(world({ receiver: { kind: PartyKind.SDK_PROVIDER }, flow: { legalBasis: LegalBasis.CONTRACT } }), AS_OF)[0];
    expect(finding).toMatchObject({ severity: 'LOW', activityIds: ['app'] });
    expect(finding.message).toMatch(/without consent on flows 'f' \(CONTRACT\): record why each provision is necessary/);
  });

  it('is satisfied by the necessity on record, and does not concern consent, processors or legitimate interests', () => {
    expect(ruleIds({ receiver: { kind: PartyKind.SDK_PROVIDER }, flow: { legalBasis: LegalBasis.CONTRACT, necessity: 'the payment SDK takes the payment' } })).toEqual([]);
    expect(ruleIds({ receiver: { kind: PartyKind.SDK_PROVIDER }, flow: { legalBasis: LegalBasis.SEPARATE_CONSENT } })).toEqual([]);
    const processor = { kind: PartyKind.PROCESSOR, evidence: [makeEvidence(EvidenceKind.PIPL_ENTRUSTMENT_AGREEMENT)] };
    expect(ruleIds({ receiver: processor, flow: { legalBasis: LegalBasis.CONTRACT } })).toEqual([]);
    expect(ruleIds({ receiver: { kind: PartyKind.SDK_PROVIDER }, flow: { legalBasis: LegalBasis.LEGITIMATE_INTERESTS } })).not.toContain('PIPL-PROVISION-NECESSITY-UNRECORDED');
  });
});

describe('a separate consent to the activity and a recipient added after it (Arts. 14, 23, 39)', () => {
  const snapshot = (flowFrom: string, to = ['CN']) =>
    world({ receiver: { kind: PartyKind.THIRD_PARTY, countries: to }, flow: { legalBasis: LegalBasis.SEPARATE_CONSENT, effectiveFrom: flowFrom } });
  const idsFor = (flowFrom: string, consents: ReturnType<typeof makeConsent>[], to = ['CN']) =>
    ruleIdsOf(computeDataFlows(snapshot(flowFrom, to), makeProfile({ countryOfResidence: 'CN', consents }), { asOf: AS_OF }).findings);
  const toActivity = makeConsent({ activityId: 'app', kind: ConsentKind.SEPARATE, givenAt: '2022-03-01T10:00:00Z' });

  it('covers the recipients that were there when it was given', () => {
    expect(idsFor('2022-03-01', [toActivity])).not.toContain('PIPL-PROVISION-NO-SEPARATE-CONSENT');
    expect(idsFor('2021-01-01', [toActivity])).not.toContain('PIPL-PROVISION-NO-SEPARATE-CONSENT');
  });

  it('does not cover a recipient added later: provision and export need a consent naming it', () => {
    expect(idsFor('2023-01-01', [toActivity])).toContain('PIPL-PROVISION-NO-SEPARATE-CONSENT');
    expect(idsFor('2023-01-01', [toActivity], ['SG'])).toEqual(expect.arrayContaining(['PIPL-PROVISION-NO-SEPARATE-CONSENT', 'PIPL-EXPORT-NO-SEPARATE-CONSENT']));
    const toFlow = makeConsent({ flowId: 'f', kind: ConsentKind.SEPARATE, givenAt: '2023-02-01T10:00:00Z' });
    expect(idsFor('2023-01-01', [toActivity, toFlow], ['SG'])).not.toEqual(expect.arrayContaining(['PIPL-PROVISION-NO-SEPARATE-CONSENT']));
    expect(idsFor('2023-01-01', [toActivity, toFlow], ['SG'])).not.toContain('PIPL-EXPORT-NO-SEPARATE-CONSENT');
  });
});

describe('PIPL-NO-PIA', () => {
  const entrusted = { kind: PartyKind.PROCESSOR, evidence: [makeEvidence(EvidenceKind.PIPL_ENTRUSTMENT_AGREEMENT)] };
  const messageFor = (fields: World) => inventoryFindings(world(fields), AS_OF).find((finding) => finding.ruleId === 'PIPL-NO-PIA')?.message;

  it('fires on sensitive PI, entrusting, provision to others or export with no assessment', () => {
    expect(messageFor({ activity: { evidence: [], legalBasis: LegalBasis.SEPARATE_CONSENT, categoryIds: ['biometric'] } })).toMatch(/processes sensitive/);
    expect(messageFor({ activity: { evidence: [] }, receiver: entrusted })).toMatch(/entrusts other/);
    expect(messageFor({ activity: { evidence: [] }, receiver: { kind: PartyKind.THIRD_PARTY } })).toMatch(/provides to other/);
    expect(messageFor({ activity: { evidence: [] }, receiver: { ...entrusted, countries: ['SG'] } })).toMatch(/exports to other/);
  });

  it('does not fire with an assessment on the activity, or on the flow for that flow', () => {
    expect(messageFor({ receiver: { kind: PartyKind.THIRD_PARTY } })).toBeUndefined();
    expect(messageFor({ activity: { evidence: [] }, receiver: { kind: PartyKind.THIRD_PARTY }, flow: { evidence: [PIA] } })).toBeUndefined();
  });

  it('does not fire for plain processing, or outside PIPL', () => {
    expect(messageFor({ activity: { evidence: [] } })).toBeUndefined();
    expect(messageFor({ controllerCountry: 'DE', activity: { evidence: [], categoryIds: ['biometric'] }, receiver: { kind: PartyKind.THIRD_PARTY } })).toBeUndefined();
  });
});
