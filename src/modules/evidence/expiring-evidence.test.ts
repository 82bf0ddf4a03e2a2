import { describe, expect, it } from 'vitest';
import { LegalBasis } from '../../domain/legal-basis';
import type { InventoryDocument } from '../../domain/inventory-document';
import { PartyKind } from '../../domain/party-kind';
import { EvidenceKind } from '../../domain/evidence-kind';
import { TransferMechanism } from '../../domain/transfer-mechanism';
import { expiringEvidence, lapseDateOf } from './expiring-evidence';

function mapWith(overrides: Partial<InventoryDocument>): InventoryDocument {
  return {
    flowmap: 1,
    parties: [
      { key: 'acme', name: 'Acme', kind: PartyKind.CONTROLLER, countries: ['DE'] },
      { key: 'us-cloud', name: 'US Cloud Inc.', kind: PartyKind.PROCESSOR, countries: ['US'], evidence: [{ kind: EvidenceKind.DPF_CERTIFICATION, datedOn: '2025-12-01', expiresOn: '2026-12-31' }] },
    ],
    activities: [{ key: 'accounts', name: 'Accounts', purpose: 'p', controller: 'acme', legalBasis: LegalBasis.CONTRACT, subjectCategories: [], dataCategories: [], effectiveFrom: '2024-01-01' }],
    flows: [
      { key: 'to-cloud', activity: 'accounts', from: 'acme', to: 'us-cloud', dataCategories: [], effectiveFrom: '2024-01-01' },
      { key: 'old-to-cloud', activity: 'accounts', from: 'acme', to: 'us-cloud', dataCategories: [], effectiveFrom: '2020-01-01', effectiveTo: '2023-12-31' },
      { key: 'to-cn', activity: 'accounts', from: 'acme', to: 'acme', dataCategories: [], effectiveFrom: '2024-01-01', evidence: [{ kind: EvidenceKind.CAC_ASSESSMENT_PASSED, datedOn: '2023-12-15', reference: 'CAC-1' }] },
    ],
    ...overrides,
  };
}

describe('expiringEvidence', () => {
  it('lists evidence lapsing by the horizon, soonest first, with the flows in force that rely on it', () => {
    const items = expiringEvidence(mapWith({}), '2026-12-02', '2027-01-31');
    expect(items.map(({ holderKey, kind, lapsesOn, daysLeft, flowKeys }) => ({ holderKey, kind, lapsesOn, daysLeft, flowKeys }))).toEqual([
      { holderKey: 'to-cn', kind: EvidenceKind.CAC_ASSESSMENT_PASSED, lapsesOn: '2026-12-15', daysLeft: 13, flowKeys: ['to-cn'] },
      { holderKey: 'us-cloud', kind: EvidenceKind.DPF_CERTIFICATION, lapsesOn: '2026-12-31', daysLeft: 29, flowKeys: ['to-cloud'] },
    ]);
  });

  it("lists a mechanism's own evidence with its flow", () => {
    const map = mapWith({});
    map.flows![0].mechanisms = [{ mechanism: TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES, evidence: [{ kind: EvidenceKind.TRANSFER_IMPACT_ASSESSMENT, datedOn: '2025-01-01', expiresOn: '2027-01-10' }] }];
    expect(expiringEvidence(map, '2026-12-02', '2027-01-31').map(({ holderKey, kind }) => [holderKey, kind])).toContainEqual(['to-cloud', EvidenceKind.TRANSFER_IMPACT_ASSESSMENT]);
  });

  it('keeps lapsed evidence listed until it is renewed, and leaves out what lapses after the horizon', () => {
    expect(expiringEvidence(mapWith({}), '2027-03-01', '2027-03-01').map((item) => item.daysLeft)).toEqual([-76, -60]);
    expect(expiringEvidence(mapWith({}), '2026-12-02', '2026-12-14')).toEqual([]);
    const renewed = mapWith({});
    renewed.flows![2].evidence!.push({ kind: EvidenceKind.CAC_ASSESSMENT_PASSED, datedOn: '2026-11-20' });
    expect(expiringEvidence(renewed, '2026-12-02', '2027-01-31').map((item) => item.holderKey)).toEqual(['us-cloud']);
  });

  it('ends a CAC security assessment 3 years after its result unless an earlier expiry is recorded (2024 Provisions Art. 9)', () => {
    expect(lapseDateOf({ kind: EvidenceKind.CAC_ASSESSMENT_PASSED, datedOn: '2024-03-22' })).toBe('2027-03-22');
    expect(lapseDateOf({ kind: EvidenceKind.CAC_ASSESSMENT_PASSED, datedOn: '2024-03-22', expiresOn: '2030-01-01' })).toBe('2027-03-22');
    expect(lapseDateOf({ kind: EvidenceKind.CAC_ASSESSMENT_PASSED, datedOn: '2024-03-22', expiresOn: '2025-01-01' })).toBe('2025-01-01');
    expect(lapseDateOf({ kind: EvidenceKind.DATA_PROCESSING_AGREEMENT, datedOn: '2024-03-22' })).toBeNull();
  });
});
