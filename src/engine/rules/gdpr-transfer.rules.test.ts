import { describe, expect, it } from 'vitest';
import { EvidenceKind } from '../../domain/evidence-kind';
import type { EvidenceRecord, SnapshotParty } from '../core/inventory-snapshot';
import {
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
import { TransferMechanism } from '../../domain/transfer-mechanism';
import { PartyKind } from '../../domain/party-kind';
import { Severity } from '../core/finding';
import { GDPR_FAMILY } from './gdpr-family';
import { consentDerogationForContinuousTransfer } from './gdpr-transfer.rules';
import { VerdictEffect } from '../core/rule-descriptor';

const HOME = { GDPR: 'DE', UK_GDPR: 'GB' } as const;

interface TransferCase {
  to: string[];
  flow?: FlowFields;
  receiver?: Partial<SnapshotParty>;
}

describe.each(GDPR_FAMILY)('$lawName Chapter V rules', (law) => {
  const id = (rule: string) => `${law.idPrefix}-${rule}`;

  function ruleIds({ to, flow = {}, receiver = {} }: TransferCase, asOf = '2024-06-01'): string[] {
    const snapshot = makeSnapshot({
      parties: [
        makeParty({ key: 'controller', kind: PartyKind.CONTROLLER, countries: [HOME[law.regime]] }),
        makeParty({ key: 'vendor', countries: to, evidence: [makeEvidence(EvidenceKind.DATA_PROCESSING_AGREEMENT)], ...receiver }),
      ],
      categories: [makeCategory({ key: 'contact' })],
      activities: [makeActivity({ key: 'shop', categoryIds: ['contact'] })],
      flows: [makeFlow({ key: 'f', activityId: 'shop', fromId: 'controller', toId: 'vendor', categoryIds: ['contact'], ...flow })],
    });
    return ruleIdsOf(inventoryFindings(snapshot, asOf));
  }

  describe('TRANSFER-NO-MECHANISM', () => {
    it('fires on a transfer to a country without adequacy and no mechanism', () => {
      expect(ruleIds({ to: ['IN'] })).toContain(id('TRANSFER-NO-MECHANISM'));
    });

    it('fires when the mechanism named is not one of this law', () => {
      expect(ruleIds({ to: ['IN'], flow: { mechanism: TransferMechanism.PIPL_STANDARD_CONTRACT } })).toContain(id('TRANSFER-NO-MECHANISM'));
    });

    it('fires when one of several destinations lacks adequacy', () => {
      expect(ruleIds({ to: ['JP', 'IN'] })).toContain(id('TRANSFER-NO-MECHANISM'));
    });

    it('does not fire with an Art. 46 safeguard, an Art. 49 derogation, to an adequate country or at home', () => {
      expect(ruleIds({ to: ['IN'], flow: { mechanism: TransferMechanism.BINDING_CORPORATE_RULES } })).not.toContain(id('TRANSFER-NO-MECHANISM'));
      expect(ruleIds({ to: ['IN'], flow: { mechanism: TransferMechanism.CONTRACT_DEROGATION } })).not.toContain(id('TRANSFER-NO-MECHANISM'));
      // Adequacy needs no authorisation (Art. 45(1)), and the record documents safeguards only for
      // Art. 49(1) second-subparagraph transfers (Art. 30(1)(e)): a transfer to Japan naming no mechanism is no gap.
      expect(ruleIds({ to: ['JP'] })).toEqual([]);
      expect(ruleIds({ to: [HOME[law.regime]] })).toEqual([]);
    });
  });

  describe('ADEQUACY-MISAPPLIED', () => {
    const adequacy = { mechanism: TransferMechanism.ADEQUACY_DECISION };
    const dpf = [makeEvidence(EvidenceKind.DATA_PROCESSING_AGREEMENT), makeEvidence(EvidenceKind.DPF_CERTIFICATION, '2023-01-01')];

    it('fires for a country without a decision', () => {
      expect(ruleIds({ to: ['IN'], flow: adequacy })).toEqual(expect.arrayContaining([id('ADEQUACY-MISAPPLIED')]));
      expect(ruleIds({ to: ['IN'], flow: adequacy })).not.toContain(id('TRANSFER-NO-MECHANISM'));
    });

    it('fires for a US recipient without DPF certification, not for a certified one', () => {
      expect(ruleIds({ to: ['US'], flow: adequacy })).toContain(id('ADEQUACY-MISAPPLIED'));
      expect(ruleIds({ to: ['US'], flow: adequacy, receiver: { evidence: dpf } })).toEqual([]);
    });

    it('fires for a certified US recipient before the DPF decision, not from its first day', () => {
      const dpfDay = law.regime === 'GDPR' ? ['2023-07-09', '2023-07-10'] : ['2023-10-11', '2023-10-12'];
      expect(ruleIds({ to: ['US'], flow: adequacy, receiver: { evidence: dpf } }, dpfDay[0])).toContain(id('ADEQUACY-MISAPPLIED'));
      expect(ruleIds({ to: ['US'], flow: adequacy, receiver: { evidence: dpf } }, dpfDay[1])).toEqual([]);
    });

    it('does not count a DPF certification dated after the day asked', () => {
      const later = [makeEvidence(EvidenceKind.DATA_PROCESSING_AGREEMENT), makeEvidence(EvidenceKind.DPF_CERTIFICATION, '2024-06-02')];
      expect(ruleIds({ to: ['US'], flow: adequacy, receiver: { evidence: later } })).toContain(id('ADEQUACY-MISAPPLIED'));
    });

    it('fires for a Canadian recipient that is not a commercial organisation, not for one that is', () => {
      const commercial = [makeEvidence(EvidenceKind.DATA_PROCESSING_AGREEMENT), makeEvidence(EvidenceKind.COMMERCIAL_ORGANISATION)];
      expect(ruleIds({ to: ['CA'], flow: adequacy })).toContain(id('ADEQUACY-MISAPPLIED'));
      expect(ruleIds({ to: ['CA'], flow: adequacy, receiver: { evidence: commercial } })).toEqual([]);
    });

    it('does not fire for a country with a full decision', () => {
      expect(ruleIds({ to: ['JP'], flow: adequacy })).toEqual([]);
    });
  });

  it('ADEQUACY-MISAPPLIED: fires for Brazil before the EU decision of 2026-01-26 only', () => {
    if (law.regime !== 'GDPR') return;
    const toBrazil = { to: ['BR'], flow: { mechanism: TransferMechanism.ADEQUACY_DECISION } };
    expect(ruleIds(toBrazil, '2026-01-25')).toContain('GDPR-ADEQUACY-MISAPPLIED');
    expect(ruleIds(toBrazil, '2026-01-26')).toEqual([]);
  });

  describe('TRANSFER-NO-TIA', () => {
    const scc = { mechanism: TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES };

    it('fires on SCCs or BCRs to a country without adequacy and no assessment on record', () => {
      expect(ruleIds({ to: ['IN'], flow: scc })).toEqual([id('TRANSFER-NO-TIA')]);
      expect(ruleIds({ to: ['IN'], flow: { mechanism: TransferMechanism.BINDING_CORPORATE_RULES } })).toEqual([id('TRANSFER-NO-TIA')]);
    });

    it('fires when the assessment on record has expired', () => {
      const expired = [makeEvidence(EvidenceKind.TRANSFER_IMPACT_ASSESSMENT, '2020-01-01', '2024-05-31')];
      expect(ruleIds({ to: ['IN'], flow: { ...scc, evidence: expired } })).toEqual([id('TRANSFER-NO-TIA')]);
    });

    it('does not fire with an assessment on record, or to an adequate country', () => {
      const assessed = [makeEvidence(EvidenceKind.TRANSFER_IMPACT_ASSESSMENT, '2020-01-01', '2024-06-01')];
      expect(ruleIds({ to: ['IN'], flow: { ...scc, evidence: assessed } })).toEqual([]);
      expect(ruleIds({ to: ['JP'], flow: scc })).toEqual([]);
    });
  });

  describe('DEROGATION-CONTINUOUS', () => {
    const derogation = { mechanism: TransferMechanism.CONTRACT_DEROGATION };

    it('fires on a contract derogation for a continuous flow or a flow to an SDK', () => {
      expect(ruleIds({ to: ['IN'], flow: { ...derogation, continuous: true } })).toEqual([id('DEROGATION-CONTINUOUS')]);
      expect(ruleIds({ to: ['IN'], flow: derogation, receiver: { kind: PartyKind.SDK_PROVIDER } })).toEqual([id('DEROGATION-CONTINUOUS')]);
    });

    it('does not fire on an occasional flow, or where adequacy makes the derogation moot', () => {
      expect(ruleIds({ to: ['IN'], flow: derogation })).toEqual([]);
      expect(ruleIds({ to: ['JP'], flow: { ...derogation, continuous: true } })).toEqual([]);
    });
  });

  describe('CONSENT-DEROGATION-CONTINUOUS', () => {
    const consent = { mechanism: TransferMechanism.EXPLICIT_CONSENT_DEROGATION };

    it('advises, never at HIGH, on explicit consent for a continuous flow or a flow to an SDK (recital 111 names only (b), (c), (e))', () => {
      expect(ruleIds({ to: ['IN'], flow: { ...consent, continuous: true } })).toEqual([id('CONSENT-DEROGATION-CONTINUOUS')]);
      expect(ruleIds({ to: ['IN'], flow: consent, receiver: { kind: PartyKind.SDK_PROVIDER } })).toEqual([id('CONSENT-DEROGATION-CONTINUOUS')]);
      const rule = consentDerogationForContinuousTransfer(law);
      expect([rule.severity, rule.verdictEffect]).toEqual([Severity.LOW, VerdictEffect.ADVISORY]);
    });

    it('does not fire on an occasional flow, or where adequacy makes the derogation moot', () => {
      expect(ruleIds({ to: ['IN'], flow: consent })).toEqual([]);
      expect(ruleIds({ to: ['JP'], flow: { ...consent, continuous: true } })).toEqual([]);
    });
  });
});

describe('GDPR adequacy for the United States across Safe Harbour, Privacy Shield and the DPF', () => {
  function misappliedAdequacy(receiverEvidence: EvidenceRecord[], asOf: string): string[] {
    const snapshot = makeSnapshot({
      parties: [
        makeParty({ key: 'controller', kind: PartyKind.CONTROLLER, countries: ['DE'] }),
        makeParty({ key: 'us-cloud', countries: ['US'], evidence: [makeEvidence(EvidenceKind.DATA_PROCESSING_AGREEMENT), ...receiverEvidence] }),
      ],
      categories: [makeCategory({ key: 'contact' })],
      activities: [makeActivity({ key: 'shop', categoryIds: ['contact'] })],
      flows: [
        makeFlow({
          key: 'f',
          activityId: 'shop',
          fromId: 'controller',
          toId: 'us-cloud',
          categoryIds: ['contact'],
          mechanism: TransferMechanism.ADEQUACY_DECISION,
        }),
      ],
    });
    return inventoryFindings(snapshot, asOf)
      .filter((finding) => finding.ruleId === 'GDPR-ADEQUACY-MISAPPLIED')
      .map((finding) => finding.message);
  }
  const privacyShield = makeEvidence(EvidenceKind.PRIVACY_SHIELD_CERTIFICATION, '2016-09-01');
  const safeHarbour = makeEvidence(EvidenceKind.SAFE_HARBOUR_CERTIFICATION, '2005-01-01');

  it('finds a Privacy Shield-certified US processor on adequacy lawful in 2019 and not in 2021', () => {
    expect(misappliedAdequacy([privacyShield], '2019-06-01')).toEqual([]);
    expect(misappliedAdequacy([privacyShield], '2021-06-01')).toEqual([
      expect.stringMatching(/Privacy Shield\) was declared invalid on 2020-07-16 \(CJEU C-311\/18 \(Schrems II\)\)/),
    ]);
  });

  it('finds a Safe Harbour-certified one lawful in 2010 and not from the Schrems I judgment of 2015-10-06', () => {
    expect(misappliedAdequacy([safeHarbour], '2010-01-01')).toEqual([]);
    expect(misappliedAdequacy([safeHarbour], '2015-10-06')).toEqual([expect.stringMatching(/2000\/520\/EC \(Safe Harbour\) was declared invalid on 2015-10-06/)]);
  });

  it('says why: no decision yet, the recipient not certified under the scheme in force, or its certification expired', () => {
    expect(misappliedAdequacy([safeHarbour], '2000-07-25')).toEqual([expect.stringMatching(/no adequacy decision for GDPR before 2000-07-26/)]);
    expect(misappliedAdequacy([safeHarbour], '2019-06-01')).toEqual([
      expect.stringMatching(/covers only recipients certified under the EU-US Privacy Shield, and the recipient has no such certification on record/),
    ]);
    const lapsed = makeEvidence(EvidenceKind.PRIVACY_SHIELD_CERTIFICATION, '2016-09-01', '2018-08-31');
    expect(misappliedAdequacy([lapsed], '2019-06-01')).toEqual([expect.stringMatching(/the recipient's certification expired on 2018-08-31/)]);
  });
});
