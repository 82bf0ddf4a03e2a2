import { describe, expect, it } from 'vitest';
import { EvidenceKind } from '../../domain/evidence-kind';
import { TransferMechanism } from '../../domain/transfer-mechanism';
import { PartyKind } from '../../domain/party-kind';
import { HopVerdict } from '../core/hop-verdict';
import { computeInventoryHops } from './inventory-flows';
import type { SnapshotMechanism } from '../core/inventory-snapshot';
import { makeActivity, makeCategory, makeEvidence, makeFlow, makeMechanism, makeParty, makeSnapshot } from '../test-factories';

const AS_OF = '2024-06-01';
const DPF = TransferMechanism.ADEQUACY_DECISION;
const SCC = TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES;

/** A German controller's flow to a US processor, relying on `mechanisms`; the processor's DPF certification lapsed on `dpfExpiresOn`. */
function usHop(mechanisms: SnapshotMechanism[], dpfExpiresOn: string | null = null) {
  const snapshot = makeSnapshot({
    parties: [
      makeParty({ key: 'controller', kind: PartyKind.CONTROLLER, countries: ['DE'] }),
      makeParty({
        key: 'cloud',
        countries: ['US'],
        evidence: [makeEvidence(EvidenceKind.DATA_PROCESSING_AGREEMENT), makeEvidence(EvidenceKind.DPF_CERTIFICATION, '2023-08-01', dpfExpiresOn)],
      }),
    ],
    categories: [makeCategory({ key: 'contact' })],
    activities: [makeActivity({ key: 'shop', categoryIds: ['contact'] })],
    flows: [makeFlow({ key: 'to-cloud', activityId: 'shop', fromId: 'controller', toId: 'cloud', categoryIds: ['contact'], mechanisms })],
  });
  const [hop] = computeInventoryHops(snapshot, { asOf: AS_OF });
  return hop;
}

describe('several mechanisms on one flow, in order of reliance', () => {
  it('relies on the first that holds and leaves the fallback untried', () => {
    const hop = usHop([makeMechanism(DPF), makeMechanism(SCC)]);
    expect(hop.mechanisms).toEqual([DPF, SCC]);
    expect(hop.mechanism).toBe(DPF);
    expect(hop.reliedOnMechanisms).toEqual([{ regime: 'GDPR', mechanism: DPF, position: 0 }]);
    expect(hop.mechanismTrials).toEqual([{ regime: 'GDPR', mechanism: DPF, position: 0, holds: true, reasons: [] }]);
    expect(hop.verdict).toBe(HopVerdict.LAWFUL);
  });

  it('falls back to the next when the first fails, says why the first failed, and judges the hop on the fallback', () => {
    const hop = usHop([makeMechanism(DPF), makeMechanism(SCC)], '2024-01-31');
    expect(hop.mechanism).toBe(SCC);
    expect(hop.reliedOnMechanisms).toEqual([{ regime: 'GDPR', mechanism: SCC, position: 1 }]);
    expect(hop.mechanismTrials).toEqual([
      { regime: 'GDPR', mechanism: DPF, position: 0, holds: false, reasons: [expect.stringContaining('claims adequacy under GDPR')] },
      { regime: 'GDPR', mechanism: SCC, position: 1, holds: true, reasons: [] },
    ]);
    // The SCCs hold but have no transfer impact assessment: lawful with a gap, not unlawful for the lapsed DPF.
    expect(hop.findings.map((finding) => finding.ruleId)).toEqual(['GDPR-TRANSFER-NO-TIA']);
    expect(hop.verdict).toBe(HopVerdict.LAWFUL_WITH_GAPS);
  });

  it("counts a mechanism's own evidence for it alone, and the flow's for every mechanism", () => {
    const tia = makeEvidence(EvidenceKind.TRANSFER_IMPACT_ASSESSMENT, '2024-02-01');
    expect(usHop([makeMechanism(DPF), makeMechanism(SCC, { evidence: [tia] })], '2024-01-31').verdict).toBe(HopVerdict.LAWFUL);
    expect(usHop([makeMechanism(DPF, { evidence: [tia] }), makeMechanism(SCC)], '2024-01-31').verdict).toBe(HopVerdict.LAWFUL_WITH_GAPS);
  });

  it('is unlawful with the first mechanism\'s faults when none holds', () => {
    const hop = usHop([makeMechanism(DPF), makeMechanism(TransferMechanism.PIPL_STANDARD_CONTRACT)], '2024-01-31');
    expect(hop.reliedOnMechanisms).toEqual([]);
    expect(hop.mechanism).toBe(DPF);
    expect(hop.mechanismTrials.map((trial) => [trial.mechanism, trial.holds])).toEqual([[DPF, false], [TransferMechanism.PIPL_STANDARD_CONTRACT, false]]);
    expect(hop.findings.map((finding) => finding.ruleId)).toEqual(['GDPR-ADEQUACY-MISAPPLIED']);
    expect(hop.verdict).toBe(HopVerdict.UNLAWFUL);
  });

  it('relies on a mechanism per regime when two regimes govern the hop', () => {
    // An EU controller's data, held by its Chinese affiliate, sent on to the US: GDPR follows it, PIPL governs the export.
    const filing = makeEvidence(EvidenceKind.PIPL_STANDARD_CONTRACT_FILING, '2024-01-10');
    const snapshot = makeSnapshot({
      parties: [
        makeParty({ key: 'controller', kind: PartyKind.CONTROLLER, countries: ['DE'] }),
        makeParty({ key: 'cn-affiliate', kind: PartyKind.AFFILIATE, countries: ['CN'] }),
        makeParty({ key: 'us-lab', kind: PartyKind.THIRD_PARTY, countries: ['US'] }),
      ],
      categories: [makeCategory({ key: 'contact' })],
      activities: [makeActivity({ key: 'research', categoryIds: ['contact'] })],
      flows: [
        makeFlow({ key: 'to-cn', activityId: 'research', fromId: 'controller', toId: 'cn-affiliate', categoryIds: ['contact'], mechanism: SCC }),
        makeFlow({
          key: 'to-us', activityId: 'research', fromId: 'cn-affiliate', toId: 'us-lab', categoryIds: ['contact'],
          mechanisms: [makeMechanism(SCC), makeMechanism(TransferMechanism.PIPL_STANDARD_CONTRACT, { evidence: [filing] })],
        }),
      ],
    });
    const hop = computeInventoryHops(snapshot, { asOf: AS_OF }).find((candidate) => candidate.flowId === 'to-us');
    expect(hop?.transferRegimes).toEqual(['GDPR', 'PIPL']);
    expect(hop?.reliedOnMechanisms).toEqual([
      { regime: 'GDPR', mechanism: SCC, position: 0 },
      { regime: 'PIPL', mechanism: TransferMechanism.PIPL_STANDARD_CONTRACT, position: 1 },
    ]);
    expect(hop?.mechanismTrials.filter((trial) => !trial.holds)).toEqual([
      { regime: 'PIPL', mechanism: SCC, position: 0, holds: false, reasons: [expect.stringContaining('which is no PIPL mechanism')] },
    ]);
    const ruleIds = hop?.findings.map((finding) => finding.ruleId) ?? [];
    expect(ruleIds).not.toContain('GDPR-TRANSFER-NO-MECHANISM');
    expect(ruleIds).not.toContain('PIPL-EXPORT-NO-MECHANISM');
    expect(ruleIds).not.toContain('PIPL-MECHANISM-NO-FILING');
  });
});
