import { describe, expect, it } from 'vitest';
import { LegalBasis } from '../../domain/legal-basis';
import { EvidenceKind } from '../../domain/evidence-kind';
import { computeDataFlows } from '../answers/compute-data-flows';
import { HopVerdict } from '../core/hop-verdict';
import { computeInventoryHops } from '../answers/inventory-flows';
import type { SnapshotFlow, SnapshotParty } from '../core/inventory-snapshot';
import {
  inventoryFindings,
  makeActivity,
  makeCategory,
  makeEvidence,
  makeFlow,
  makeParty,
  makeProfile,
  makeSnapshot,
  ruleIdsOf,
} from '../test-factories';
import { Safeguard } from '../../domain/transfer-mechanism';
import { PartyKind } from '../../domain/party-kind';
import { verdictEffectOf } from './rule-catalogue';
import { VerdictEffect } from '../core/rule-descriptor';

const AS_OF = '2024-06-01';

interface Extras {
  legalBasis?: LegalBasis;
  parties?: SnapshotParty[];
  flows?: SnapshotFlow[];
}

/** A controller in `home` sending contact data to a processor with the countries given. */
function world(home: string, recipientCountries: string[], flow: Partial<SnapshotFlow> = {}, extras: Extras = {}) {
  return makeSnapshot({
    parties: [
      makeParty({ key: 'controller', kind: PartyKind.CONTROLLER, countries: [home] }),
      makeParty({ key: 'vendor', name: 'Vendor Ltd', countries: recipientCountries, evidence: [makeEvidence(EvidenceKind.DATA_PROCESSING_AGREEMENT)] }),
      ...(extras.parties ?? []),
    ],
    categories: [makeCategory({ key: 'contact' })],
    activities: [makeActivity({ key: 'shop', categoryIds: ['contact'], ...(extras.legalBasis ? { legalBasis: extras.legalBasis } : {}) })],
    flows: [makeFlow({ key: 'f', activityId: 'shop', fromId: 'controller', toId: 'vendor', categoryIds: ['contact'], ...flow }), ...(extras.flows ?? [])],
  });
}

describe('DESTINATION-UNKNOWN', () => {
  it.each([
    ['DE', 'GDPR-DESTINATION-UNKNOWN', 'GDPR'],
    ['GB', 'UK-GDPR-DESTINATION-UNKNOWN', 'UK GDPR'],
    ['CN', 'PIPL-DESTINATION-UNKNOWN', 'PIPL'],
  ])('fires for a controller in %s sending to a recipient with no country on record', (home, ruleId, lawName) => {
    const findings = inventoryFindings(world(home, []), AS_OF).filter((finding) => finding.ruleId === ruleId);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toBe(
      `destination unknown: the transfer cannot be assessed under ${lawName}: Vendor Ltd ('vendor'), reached by flow 'f' (controller → vendor), has no country on record`,
    );
    expect(findings[0]).toMatchObject({ flowIds: ['f'], partyIds: ['controller', 'vendor'] });
    expect(verdictEffectOf(ruleId)).toBe(VerdictEffect.UNDETERMINED);
  });

  it('fires under every regime that follows the data: a German resident’s data sent on by a Chinese controller', () => {
    const answer = computeDataFlows(world('CN', []), makeProfile({ countryOfResidence: 'DE' }), { asOf: AS_OF });
    expect(answer.hops[0]?.findings.map((finding) => finding.ruleId).filter((ruleId) => ruleId.endsWith('-DESTINATION-UNKNOWN'))).toEqual([
      'GDPR-DESTINATION-UNKNOWN',
      'PIPL-DESTINATION-UNKNOWN',
    ]);
  });

  it('does not fire once the recipient or the flow names a country, nor on anonymised data', () => {
    expect(ruleIdsOf(inventoryFindings(world('DE', ['FR']), AS_OF))).toEqual([]);
    expect(ruleIdsOf(inventoryFindings(world('DE', [], { countries: ['FR'] }), AS_OF))).toEqual([]);
    expect(ruleIdsOf(inventoryFindings(world('DE', [], { safeguards: [Safeguard.ANONYMISATION] }), AS_OF))).toEqual([]);
  });

  it('does not fire under a regime that does not govern the hop', () => {
    expect(ruleIdsOf(inventoryFindings(world('US', []), AS_OF))).toEqual([]);
  });
});

describe('a hop to an unknown destination', () => {
  it('is UNDETERMINED, neither lawful nor unlawful, and crosses no known border nor none', () => {
    const answer = computeDataFlows(world('DE', []), makeProfile(), { asOf: AS_OF });
    expect(answer.hops).toHaveLength(1);
    expect(answer.hops[0]).toMatchObject({ toCountries: [], verdict: HopVerdict.UNDETERMINED, lawful: null, crossesBorder: null, destinationVerdicts: [] });
  });

  it('shows in the summary as an unknown destination, not as data that stayed at home', () => {
    const { summary } = computeDataFlows(world('DE', []), makeProfile(), { asOf: AS_OF });
    expect(summary).toMatchObject({
      countriesReached: ['DE'],
      unknownDestinationPartyIds: ['vendor'],
      unknownDestinationHopCount: 1,
      crossBorderHopCount: 0,
      undeterminedHopCount: 1,
      lawfulHopCount: 0,
      unlawfulHopCount: 0,
    });
    expect(computeDataFlows(world('DE', ['FR']), makeProfile(), { asOf: AS_OF }).summary).toMatchObject({ unknownDestinationPartyIds: [], unknownDestinationHopCount: 0 });
  });

  it('stays UNLAWFUL when something else makes it so: no basis outranks an unknown fact', () => {
    const snapshot = world('CN', [], {}, { legalBasis: LegalBasis.LEGITIMATE_INTERESTS });
    const hop = computeDataFlows(snapshot, makeProfile({ countryOfResidence: 'CN' }), { asOf: AS_OF }).hops[0];
    expect(hop?.findings.map((finding) => finding.ruleId)).toContain('PIPL-DESTINATION-UNKNOWN');
    expect(hop).toMatchObject({ verdict: HopVerdict.UNLAWFUL, lawful: false });
  });

  it('leaves the onward hops judged: the data stays under the regimes that followed it there', () => {
    const snapshot = world('DE', [], {}, {
      parties: [makeParty({ key: 'us-sub', kind: PartyKind.SUB_PROCESSOR, countries: ['US'], engagedById: 'vendor', evidence: [makeEvidence(EvidenceKind.DATA_PROCESSING_AGREEMENT)] })],
      flows: [makeFlow({ key: 'g', activityId: 'shop', fromId: 'vendor', toId: 'us-sub', categoryIds: ['contact'] })],
    });
    const onward = computeInventoryHops(snapshot, { asOf: AS_OF }).find((hop) => hop.flowId === 'g');
    expect(onward).toMatchObject({ fromCountries: [], toCountries: ['US'], transferRegimes: ['GDPR'], verdict: HopVerdict.UNLAWFUL });
    expect(onward?.findings.map((finding) => finding.ruleId)).toEqual(['GDPR-TRANSFER-NO-MECHANISM']);
  });
});
