import { describe, expect, it } from 'vitest';
import { LegalBasis } from '../../domain/legal-basis';
import { EvidenceKind } from '../../domain/evidence-kind';
import type { SnapshotFlow } from '../core/inventory-snapshot';
import {
  type ActivityFields,
  inventoryFindings,
  makeActivity,
  makeCategory,
  makeEvidence,
  makeFlow,
  makeParty,
  makeSnapshot,
  ruleIdsOf,
  type FlowFields,
} from '../test-factories';
import { Safeguard, TransferMechanism } from '../../domain/transfer-mechanism';
import { PartyKind } from '../../domain/party-kind';

const AS_OF = '2024-06-01';

describe('ANY-LOCALISATION-BROKEN', () => {
  // Processors in Hong Kong, Singapore or mainland China, all with the contracts and filings they need,
  // so that only the localisation promise is at stake.
  const evidence = [
    makeEvidence(EvidenceKind.PIPL_ENTRUSTMENT_AGREEMENT),
    makeEvidence(EvidenceKind.RECIPIENT_CONTACT),
  ];
  const parties = [
    makeParty({ key: 'controller', kind: PartyKind.CONTROLLER, countries: ['CN'] }),
    makeParty({ key: 'cloud', countries: ['CN'], evidence }),
    makeParty({ key: 'backup', kind: PartyKind.SUB_PROCESSOR, countries: ['SG'], evidence }),
  ];
  const exportEvidence = [makeEvidence(EvidenceKind.ART39_NOTICE), makeEvidence(EvidenceKind.PIPL_STANDARD_CONTRACT_FILING)];
  const flow = (fields: FlowFields & { key: string; fromId: string; toId: string }) =>
    makeFlow({ activityId: 'orders', categoryIds: ['contact'], mechanism: TransferMechanism.PIPL_STANDARD_CONTRACT, evidence: exportEvidence, ...fields });
  const ruleIds = (flows: SnapshotFlow[], activity: ActivityFields = { localisedIn: 'CN' }) =>
    ruleIdsOf(
      inventoryFindings(
        makeSnapshot({
          parties,
          categories: [makeCategory({ key: 'contact' })],
          activities: [makeActivity({ key: 'orders', categoryIds: ['contact'], evidence: [makeEvidence(EvidenceKind.PI_IMPACT_ASSESSMENT)], ...activity })],
          flows,
        }),
        AS_OF,
      ),
    );

  it('fires on a hop that takes the data out of the promised country', () => {
    expect(ruleIds([flow({ key: 'f1', fromId: 'controller', toId: 'backup' })])).toEqual(['ANY-LOCALISATION-BROKEN']);
  });

  it('catches a sub-processor abroad at the end of an onward chain', () => {
    const flows = [flow({ key: 'f1', fromId: 'controller', toId: 'cloud' }), flow({ key: 'f2', fromId: 'cloud', toId: 'backup' })];
    expect(ruleIds(flows)).toEqual(['ANY-LOCALISATION-BROKEN']);
  });

  it('does not fire while the data stays, without a promise, or for anonymised data', () => {
    expect(ruleIds([flow({ key: 'f1', fromId: 'controller', toId: 'cloud' })])).toEqual([]);
    expect(ruleIds([flow({ key: 'f1', fromId: 'controller', toId: 'backup' })], { localisedIn: null })).toEqual([]);
    expect(ruleIds([flow({ key: 'f1', fromId: 'controller', toId: 'backup', safeguards: [Safeguard.ANONYMISATION] })])).toEqual([]);
  });

  it('lets a promise that yields to consent be kept by a flow resting on the consent, not by another', () => {
    const yielding: ActivityFields = { localisedIn: 'CN', localisedUnlessConsented: true };
    // Across the map every consent counts as given: the consented export keeps the promise.
    expect(ruleIds([flow({ key: 'f1', fromId: 'controller', toId: 'backup', consentRequired: true, legalBasis: LegalBasis.SEPARATE_CONSENT })], yielding)).toEqual([]);
    expect(ruleIds([flow({ key: 'f1', fromId: 'controller', toId: 'backup', legalBasis: LegalBasis.SEPARATE_CONSENT })], yielding)).toEqual([]);
    // A contract is no consent: the export still breaks the promise.
    expect(ruleIds([flow({ key: 'f1', fromId: 'controller', toId: 'backup', legalBasis: LegalBasis.CONTRACT })], yielding)).toEqual(['ANY-LOCALISATION-BROKEN']);
  });

  it('does fire for de-identified data, which is still personal information', () => {
    expect(ruleIds([flow({ key: 'f1', fromId: 'controller', toId: 'backup', safeguards: [Safeguard.DE_IDENTIFICATION] })])).toEqual([
      'ANY-LOCALISATION-BROKEN',
    ]);
  });
});

describe('ANY-NO-RETENTION', () => {
  const ruleIds = (activity: ActivityFields) =>
    ruleIdsOf(
      inventoryFindings(
        makeSnapshot({
          parties: [makeParty({ key: 'controller', kind: PartyKind.CONTROLLER, countries: ['US'] })],
          activities: [makeActivity({ key: 'orders', ...activity })],
        }),
        AS_OF,
      ),
    );

  it('fires on an activity with neither a retention period nor an ending event', () => {
    expect(ruleIds({ retentionPeriod: null })).toEqual(['ANY-NO-RETENTION']);
    expect(ruleIds({ retentionPeriod: ' ', retentionEvent: '' })).toEqual(['ANY-NO-RETENTION']);
  });

  it('does not fire with a period or an event', () => {
    expect(ruleIds({})).toEqual([]);
    expect(ruleIds({ retentionPeriod: null, retentionEvent: 'account closed' })).toEqual([]);
  });

  it('does not check an activity not in force', () => {
    expect(ruleIds({ retentionPeriod: null, effectiveTo: '2024-05-31' })).toEqual([]);
  });
});
