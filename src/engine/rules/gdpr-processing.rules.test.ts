import { describe, expect, it } from 'vitest';
import { LegalBasis } from '../../domain/legal-basis';
import { EvidenceKind } from '../../domain/evidence-kind';
import { computeDataFlows } from '../answers/compute-data-flows';
import type { EvidenceRecord, SnapshotParty } from '../core/inventory-snapshot';
import {
  type ActivityFields,
  inventoryFindings,
  makeActivity,
  makeCategory,
  makeEvidence,
  makeFlow,
  makeParty,
  makeProfile,
  makeSnapshot,
  ruleIdsOf,
  type FlowFields,
} from '../test-factories';
import { RecipientRole } from '../../domain/recipient-role';
import { Safeguard, TransferMechanism } from '../../domain/transfer-mechanism';
import { PartyKind } from '../../domain/party-kind';
import { GDPR_FAMILY } from './gdpr-family';

const HOME = { GDPR: 'DE', UK_GDPR: 'GB' } as const;
const AS_OF = '2024-06-01';

const CATEGORIES = [
  makeCategory({ key: 'contact' }),
  makeCategory({ key: 'health', gdprSpecial: true }),
  makeCategory({ key: 'health.allergies', parentId: 'health' }),
];

describe.each(GDPR_FAMILY)('$lawName processing rules', (law) => {
  const id = (rule: string) => `${law.idPrefix}-${rule}`;

  interface World {
    activity?: ActivityFields;
    receiver?: Partial<SnapshotParty>;
    flow?: FlowFields;
    controllerCountry?: string;
    controllerEvidence?: EvidenceRecord[];
  }

  function world({ activity = {}, receiver, flow = {}, controllerCountry = HOME[law.regime], controllerEvidence }: World) {
    return makeSnapshot({
      parties: [
        makeParty({
          key: 'controller',
          kind: PartyKind.CONTROLLER,
          countries: [controllerCountry],
          ...(controllerEvidence === undefined ? {} : { evidence: controllerEvidence }),
        }),
        ...(receiver ? [makeParty({ key: 'vendor', countries: [controllerCountry], ...receiver })] : []),
      ],
      categories: CATEGORIES,
      activities: [makeActivity({ key: 'care', categoryIds: ['contact'], ...activity })],
      flows: receiver ? [makeFlow({ key: 'f', activityId: 'care', fromId: 'controller', toId: 'vendor', categoryIds: ['contact'], ...flow })] : [],
    });
  }
  const ruleIds = (fields: World) => ruleIdsOf(inventoryFindings(world(fields), AS_OF));
  const messageOf = (fields: World, ruleId: string) =>
    inventoryFindings(world(fields), AS_OF).find((finding) => finding.ruleId === ruleId)?.message;

  describe('SPECIAL-CATEGORY-NO-ART9', () => {
    it('fires on special-category data, or a category under one, with no Art. 9(2) condition', () => {
      expect(ruleIds({ activity: { categories: [{ categoryId: 'health', required: true }] } })).toEqual([id('SPECIAL-CATEGORY-NO-ART9')]);
      expect(ruleIds({ activity: { categories: [{ categoryId: 'health.allergies', required: false }] } })).toEqual([id('SPECIAL-CATEGORY-NO-ART9')]);
    });

    it('does not fire with a condition on record, or without special-category data', () => {
      const condition = [makeEvidence(EvidenceKind.ART9_CONDITION)];
      expect(ruleIds({ activity: { categoryIds: ['health'], evidence: condition } })).toEqual([]);
      expect(ruleIds({})).toEqual([]);
    });

    it('applies to a controller abroad for a person living under the law, not without one', () => {
      const snapshot = world({ activity: { categoryIds: ['health'] }, controllerCountry: 'US' });
      expect(ruleIdsOf(inventoryFindings(snapshot, AS_OF))).toEqual([]);
      const residence = law.regime === 'GDPR' ? 'FR' : 'GB';
      const answer = computeDataFlows(snapshot, makeProfile({ countryOfResidence: residence }), { asOf: AS_OF });
      expect(ruleIdsOf(answer.findings)).toEqual([id('SPECIAL-CATEGORY-NO-ART9')]);
    });
  });

  describe('PROCESSOR-NO-DPA', () => {
    it('fires on data given to a processor or a sub-processor with no agreement on record', () => {
      expect(ruleIds({ receiver: { kind: PartyKind.PROCESSOR } })).toEqual([id('PROCESSOR-NO-DPA')]);
      expect(ruleIds({ receiver: { kind: PartyKind.SUB_PROCESSOR } })).toEqual([id('PROCESSOR-NO-DPA')]);
    });

    it('fires when the agreement on record has expired', () => {
      const expired = [makeEvidence(EvidenceKind.DATA_PROCESSING_AGREEMENT, '2020-01-01', '2024-05-31')];
      expect(ruleIds({ receiver: { kind: PartyKind.PROCESSOR, evidence: expired } })).toEqual([id('PROCESSOR-NO-DPA')]);
    });

    it('does not fire with an agreement, for an independent controller, or outside the law', () => {
      const agreed = [makeEvidence(EvidenceKind.DATA_PROCESSING_AGREEMENT)];
      expect(ruleIds({ receiver: { kind: PartyKind.PROCESSOR, evidence: agreed } })).toEqual([]);
      expect(ruleIds({ receiver: { kind: PartyKind.THIRD_PARTY } })).toEqual([]);
      expect(ruleIds({ receiver: { kind: PartyKind.PROCESSOR }, controllerCountry: 'US' })).toEqual([]);
    });

    it("follows the flow's recipient role rather than the party kind", () => {
      expect(ruleIds({ receiver: { kind: PartyKind.SDK_PROVIDER }, flow: { recipientRole: RecipientRole.PROCESSOR } })).toEqual([id('PROCESSOR-NO-DPA')]);
      const agreed = [makeEvidence(EvidenceKind.DATA_PROCESSING_AGREEMENT)];
      expect(ruleIds({ receiver: { kind: PartyKind.SDK_PROVIDER, evidence: agreed }, flow: { recipientRole: RecipientRole.PROCESSOR } })).toEqual([]);
      expect(ruleIds({ receiver: { kind: PartyKind.PROCESSOR }, flow: { recipientRole: RecipientRole.INDEPENDENT_HANDLER } })).toEqual([]);
    });
  });

  describe('ART30-RECORD-INCOMPLETE', () => {
    const messageFor = (fields: World) =>
      inventoryFindings(world(fields), AS_OF).find((finding) => finding.ruleId === id('ART30-RECORD-INCOMPLETE'))?.message;

    it('names each missing Art. 30(1) item, (a) to (g)', () => {
      expect(messageFor({ controllerEvidence: [] })).toMatch(/lacks: contact details of the controller controller \(a\)$/);
      expect(messageFor({ activity: { purpose: '  ' } })).toMatch(/lacks: purpose \(b\)$/);
      expect(messageFor({ activity: { subjectCategoryIds: [] } })).toMatch(/categories of data subjects/);
      expect(messageFor({ activity: { categoryIds: [] } })).toMatch(/categories of personal data/);
      expect(messageFor({ receiver: { kind: PartyKind.THIRD_PARTY, countries: [] } })).toMatch(/lacks: countries of the recipients vendor \(e\)$/);
      expect(messageFor({ activity: { retentionPeriod: null } })).toMatch(/retention \(f\)/);
      expect(messageFor({ activity: { securityMeasures: [] } })).toMatch(/lacks: security measures \(g\)$/);
    });

    it('leaves a transfer on no mechanism to Chapter V: it is no gap in the record', () => {
      const noMechanism = { receiver: { kind: PartyKind.THIRD_PARTY, countries: ['IN'] } };
      expect(messageFor(noMechanism)).toBeUndefined();
      expect(ruleIds(noMechanism)).toEqual([id('TRANSFER-NO-MECHANISM')]);
    });

    it('does not fire on a complete record', () => {
      expect(messageFor({})).toBeUndefined();
      expect(messageFor({ activity: { retentionPeriod: null, retentionEvent: 'account closed' } })).toBeUndefined();
      const covered = { receiver: { kind: PartyKind.THIRD_PARTY, countries: ['JP'] }, flow: { mechanism: TransferMechanism.ADEQUACY_DECISION } };
      expect(messageFor(covered)).toBeUndefined();
    });

    it('asks nothing of a recipient of anonymised data, which is no personal data (Recital 26)', () => {
      const anonymised = { receiver: { kind: PartyKind.THIRD_PARTY, countries: [] }, flow: { safeguards: [Safeguard.ANONYMISATION] } };
      expect(messageFor(anonymised)).toBeUndefined();
      const deIdentified = { receiver: { kind: PartyKind.THIRD_PARTY, countries: [] }, flow: { safeguards: [Safeguard.DE_IDENTIFICATION] } };
      expect(messageFor(deIdentified)).toMatch(/countries of the recipients vendor \(e\)/);
    });
  });

  describe('ACTIVITY-PUBLICLY-DISCLOSED and FLOW-PUBLICLY-DISCLOSED', () => {
    it('fires on an activity, and each hop, resting on PIPL\'s "publicly disclosed", which Art. 6(1) does not know', () => {
      const publiclyDisclosed = { activity: { legalBasis: LegalBasis.PUBLICLY_DISCLOSED }, receiver: { kind: PartyKind.THIRD_PARTY } };
      expect(ruleIds(publiclyDisclosed)).toEqual([id('ACTIVITY-PUBLICLY-DISCLOSED'), id('FLOW-PUBLICLY-DISCLOSED')]);
      expect(messageOf(publiclyDisclosed, id('ACTIVITY-PUBLICLY-DISCLOSED'))).toBe(
        `Activity 'care' is governed by ${law.lawName} but rests on PUBLICLY_DISCLOSED, which is no ${law.lawName} Art. 6(1) basis`,
      );
    });

    it('fires on a hop whose own basis is PUBLICLY_DISCLOSED, not on another basis, nor outside the law', () => {
      const ownBasis = { receiver: { kind: PartyKind.THIRD_PARTY }, flow: { legalBasis: LegalBasis.PUBLICLY_DISCLOSED } };
      expect(ruleIds(ownBasis)).toEqual([id('FLOW-PUBLICLY-DISCLOSED')]);
      expect(ruleIds({ activity: { legalBasis: LegalBasis.LEGITIMATE_INTERESTS }, receiver: { kind: PartyKind.THIRD_PARTY } })).toEqual([]);
      expect(ruleIds({ activity: { legalBasis: LegalBasis.PUBLICLY_DISCLOSED }, controllerCountry: 'US' })).toEqual([]);
    });
  });
});
