import { describe, expect, it } from 'vitest';
import { LegalBasis } from '../../domain/legal-basis';
import { EvidenceKind } from '../../domain/evidence-kind';
import { PiplExemption, TransferMechanism } from '../../domain/transfer-mechanism';
import { PartyKind } from '../../domain/party-kind';
import { HopVerdict } from '../core/hop-verdict';
import { computeInventoryHops, crossBorderTransfers, inventoryTransferRoutes, inventoryTransferWindow, recipientsOfCategory } from './inventory-flows';
import { indexSnapshot } from '../core/snapshot-index';
import { makeActivity, makeCategory, makeEvidence, makeFlow, makeParty, makeSnapshot, makeMechanism } from '../test-factories';

const AS_OF = '2024-06-01T00:00:00Z';
const contracted = [makeEvidence(EvidenceKind.DATA_PROCESSING_AGREEMENT), makeEvidence(EvidenceKind.PIPL_ENTRUSTMENT_AGREEMENT)];

const PARTIES = [
  makeParty({ key: 'shanghai', kind: PartyKind.CONTROLLER, countries: ['CN'] }),
  makeParty({ key: 'berlin', kind: PartyKind.CONTROLLER, countries: ['DE'] }),
  makeParty({ key: 'cloud-us', countries: ['US'], evidence: contracted }),
  makeParty({ key: 'cloud-ie', countries: ['IE'], evidence: contracted }),
  makeParty({ key: 'support-in', kind: PartyKind.SUB_PROCESSOR, countries: ['IN'], evidence: contracted }),
];
const CATEGORIES = [
  makeCategory({ key: 'contact' }),
  makeCategory({ key: 'contact.email', parentId: 'contact' }),
  makeCategory({ key: 'device' }),
];
const ACTIVITIES = [
  makeActivity({ key: 'cn-app', controllerId: 'shanghai', legalBasis: LegalBasis.SEPARATE_CONSENT, categoryIds: ['contact', 'device'] }),
  makeActivity({ key: 'de-shop', controllerId: 'berlin', legalBasis: LegalBasis.CONSENT, categoryIds: ['contact.email'] }),
  makeActivity({ key: 'retired', controllerId: 'berlin', categoryIds: ['contact'], effectiveTo: '2020-01-01' }),
];
const FLOWS = [
  makeFlow({ key: 'cn-1', activityId: 'cn-app', fromId: 'shanghai', toId: 'cloud-us', categoryIds: ['contact'], mechanism: TransferMechanism.PIPL_STANDARD_CONTRACT }),
  makeFlow({ key: 'cn-2', activityId: 'cn-app', fromId: 'cloud-us', toId: 'support-in', categoryIds: ['contact.email'] }),
  makeFlow({ key: 'de-1', activityId: 'de-shop', fromId: 'berlin', toId: 'cloud-ie', categoryIds: ['contact'], consentRequired: true }),
  makeFlow({ key: 'de-2', activityId: 'de-shop', fromId: 'cloud-ie', toId: 'support-in', categoryIds: ['contact'], mechanism: TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES }),
  makeFlow({ key: 'old', activityId: 'retired', fromId: 'berlin', toId: 'cloud-ie', categoryIds: ['contact'] }),
];
const snapshot = makeSnapshot({ parties: PARTIES, categories: CATEGORIES, activities: ACTIVITIES, flows: FLOWS });

describe('computeInventoryHops', () => {
  const hops = computeInventoryHops(snapshot, { asOf: AS_OF });
  const byFlow = (flowId: string) => hops.find((hop) => hop.flowId === flowId);

  it('follows every activity in force as if every consent were held', () => {
    expect(hops.map((hop) => [hop.flowId, hop.categoryIds, hop.consentHeld])).toEqual([
      ['cn-1', ['contact'], true],
      ['cn-2', ['contact.email'], true],
      ['de-1', ['contact.email'], true],
      ['de-2', ['contact.email'], true],
    ]);
  });

  it('keeps data collected in mainland China under PIPL down the chain', () => {
    expect(byFlow('cn-2')).toMatchObject({ fromCountries: ['US'], regimes: ['PIPL'], transferRegimes: ['PIPL'], lawful: false });
    expect(byFlow('cn-2')?.reasons).toEqual(expect.arrayContaining([expect.stringContaining('exports personal information to IN')]));
  });

  it('puts a hop out of an EEA processor under GDPR', () => {
    expect(byFlow('de-2')).toMatchObject({ fromCountries: ['IE'], regimes: ['GDPR'], transferRegimes: ['GDPR'] });
  });

  it('applies the stored persons counted per handler to the hops', () => {
    const exempt = makeSnapshot({
      parties: PARTIES,
      categories: CATEGORIES,
      activities: ACTIVITIES,
      flows: FLOWS.map((flow) => (flow.id === 'cn-1' ? { ...flow, mechanisms: [makeMechanism(TransferMechanism.PIPL_EXEMPTION, { piplExemption: PiplExemption.UNDER_100000_PERSONS })] } : flow)),
    });
    const reasonsAt = (persons: number) =>
      computeInventoryHops(exempt, { asOf: AS_OF, personGroups: [{ subjectCategoryIds: ['customer'], persons }] }).find((hop) => hop.flowId === 'cn-1')?.reasons;
    expect(reasonsAt(99_999)).toEqual([expect.stringContaining('Art. 39 notice')]);
    expect(reasonsAt(100_000)).toEqual(expect.arrayContaining([expect.stringContaining('standard contract or certification is needed')]));
  });
});

describe('crossBorderTransfers', () => {
  const hops = computeInventoryHops(snapshot, { asOf: AS_OF });
  const flowIds = (filter = {}) => crossBorderTransfers(hops, filter).map((hop) => hop.flowId);

  it('lists the restricted transfers only: DE -> IE crosses a border inside the EEA, no GDPR transfer', () => {
    expect(flowIds()).toEqual(['cn-1', 'cn-2', 'de-2']);
    expect(hops.find((hop) => hop.flowId === 'de-1')).toMatchObject({ crossesBorder: true, regimes: ['GDPR'], transferRegimes: [] });
  });

  it('takes mainland China -> Hong Kong as a PIPL export', () => {
    const withHongKong = makeSnapshot({
      parties: [...PARTIES, makeParty({ key: 'support-hk', countries: ['HK'], evidence: contracted })],
      categories: CATEGORIES,
      activities: ACTIVITIES,
      flows: [...FLOWS, makeFlow({ key: 'cn-hk', activityId: 'cn-app', fromId: 'shanghai', toId: 'support-hk', categoryIds: ['contact'] })],
    });
    const toHongKong = crossBorderTransfers(computeInventoryHops(withHongKong, { asOf: AS_OF }), { regime: 'PIPL' }).find((hop) => hop.flowId === 'cn-hk');
    expect(toHongKong).toMatchObject({ toCountries: ['HK'], transferRegimes: ['PIPL'], verdict: HopVerdict.UNLAWFUL });
  });

  it('judges a hop per destination country: the IE leg of a processor in IE and the US is not unlawful because its US leg is', () => {
    const withStripe = makeSnapshot({
      parties: [...PARTIES, makeParty({ key: 'payments', countries: ['IE', 'US'], evidence: contracted })],
      categories: CATEGORIES,
      activities: ACTIVITIES,
      flows: [...FLOWS, makeFlow({ key: 'de-pay', activityId: 'de-shop', fromId: 'berlin', toId: 'payments', categoryIds: ['contact'] })],
    });
    const payments = computeInventoryHops(withStripe, { asOf: AS_OF }).find((hop) => hop.flowId === 'de-pay');
    expect(payments).toMatchObject({
      verdict: HopVerdict.UNLAWFUL,
      transferRegimes: ['GDPR'],
      destinationVerdicts: [
        { country: 'IE', verdict: HopVerdict.LAWFUL },
        { country: 'US', verdict: HopVerdict.UNLAWFUL },
      ],
    });
  });

  it('narrows by regime, destination, mechanism and lawfulness', () => {
    expect(flowIds({ regime: 'GDPR' })).toEqual(['de-2']);
    expect(flowIds({ regime: 'PIPL', destinationCountry: 'IN' })).toEqual(['cn-2']);
    expect(flowIds({ mechanism: TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES })).toEqual(['de-2']);
    // lawful now means the transfer stands: cn-1 and de-2 only lack evidence (LAWFUL_WITH_GAPS).
    expect(flowIds({ lawful: true })).toEqual(['cn-1', 'de-2']);
    expect(flowIds({ verdict: HopVerdict.LAWFUL_WITH_GAPS })).toEqual(['cn-1', 'de-2']);
    expect(flowIds({ verdict: HopVerdict.UNLAWFUL })).toEqual(['cn-2']);
  });
});

describe('inventoryTransferWindow', () => {
  const all = crossBorderTransfers(computeInventoryHops(snapshot, { asOf: AS_OF }));

  it('keeps the transfers of a window of positions, in walk order, and counts them all', () => {
    for (const [start, size] of [[0, 2], [1, 2], [3, 5], [4, 1], [0, 0]]) {
      const window = inventoryTransferWindow(snapshot, { asOf: AS_OF }, {}, { start, size });
      expect(window.hops.map((hop) => hop.flowId)).toEqual(all.slice(start, start + size).map((hop) => hop.flowId));
      expect(window.totalCount).toBe(all.length);
    }
    expect(inventoryTransferWindow(snapshot, { asOf: AS_OF }, { regime: 'GDPR' }, { start: 0, size: 10 })).toMatchObject({ totalCount: 1, hops: [{ flowId: 'de-2' }] });
  });
});

describe('recipientsOfCategory', () => {
  const hops = computeInventoryHops(snapshot, { asOf: AS_OF });

  it('lists the parties receiving the category, part of it or all of it, with where', () => {
    expect(recipientsOfCategory(snapshot, hops, 'contact')).toEqual([
      { partyId: 'cloud-ie', countries: ['IE'] },
      { partyId: 'cloud-us', countries: ['US'] },
      { partyId: 'support-in', countries: ['IN'] },
    ]);
    expect(recipientsOfCategory(indexSnapshot(snapshot), hops, 'contact.email').map((recipient) => recipient.partyId)).toEqual([
      'cloud-ie',
      'cloud-us',
      'support-in',
    ]);
    expect(recipientsOfCategory(snapshot, hops, 'device')).toEqual([]);
  });
});

describe('inventoryTransferRoutes', () => {
  const hops = computeInventoryHops(snapshot, { asOf: AS_OF });
  const verdictOf = (flowId: string) => hops.find((hop) => hop.flowId === flowId)?.verdict;

  it('sums the hops up per pair of countries, with the verdict, regimes and mechanisms of the route', () => {
    const routes = inventoryTransferRoutes(snapshot, { asOf: AS_OF });
    expect(routes.map((route) => [route.fromCountry, route.toCountry, route.flowIds, route.hopCount, route.transferRegimes, route.mechanisms, route.worstVerdict])).toEqual([
      ['CN', 'US', ['cn-1'], 1, ['PIPL'], [TransferMechanism.PIPL_STANDARD_CONTRACT], verdictOf('cn-1')],
      // Inside the EEA: a route on the map, but no restricted transfer.
      ['DE', 'IE', ['de-1'], 1, [], [], verdictOf('de-1')],
      ['IE', 'IN', ['de-2'], 1, ['GDPR'], [TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES], verdictOf('de-2')],
      ['US', 'IN', ['cn-2'], 1, ['PIPL'], [], HopVerdict.UNLAWFUL],
    ]);
  });

  it('takes the worst verdict of the hops on a route, judged for its destination, and puts a recipient without a country on a route to null', () => {
    const twoLegs = makeSnapshot({
      parties: [...PARTIES, makeParty({ key: 'cloud-both', countries: ['IE', 'US'], evidence: contracted }), makeParty({ key: 'nowhere', kind: PartyKind.THIRD_PARTY, countries: [] })],
      categories: CATEGORIES,
      activities: [makeActivity({ key: 'de-shop', controllerId: 'berlin', legalBasis: LegalBasis.CONTRACT, categoryIds: ['contact'] })],
      flows: [
        makeFlow({ key: 'to-both', activityId: 'de-shop', fromId: 'berlin', toId: 'cloud-both', categoryIds: ['contact'] }),
        makeFlow({ key: 'to-us-with-scc', activityId: 'de-shop', fromId: 'berlin', toId: 'cloud-us', categoryIds: ['contact'], mechanism: TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES }),
        makeFlow({ key: 'to-nowhere', activityId: 'de-shop', fromId: 'berlin', toId: 'nowhere', categoryIds: ['contact'] }),
      ],
    });
    const judged = computeInventoryHops(twoLegs, { asOf: AS_OF });
    const both = judged.find((hop) => hop.flowId === 'to-both');
    const legVerdict = (country: string) => both?.destinationVerdicts.find((entry) => entry.country === country)?.verdict;
    // The IE leg stays inside the EEA; the US leg has no mechanism.
    expect(legVerdict('US')).toBe(HopVerdict.UNLAWFUL);
    expect(legVerdict('IE')).not.toBe(HopVerdict.UNLAWFUL);

    const routes = inventoryTransferRoutes(twoLegs, { asOf: AS_OF });
    const route = (to: string | null) => routes.find((candidate) => candidate.fromCountry === 'DE' && candidate.toCountry === to);
    expect(route('IE')).toMatchObject({ flowIds: ['to-both'], worstVerdict: legVerdict('IE') });
    expect(route('US')).toMatchObject({ flowIds: ['to-both', 'to-us-with-scc'], hopCount: 2, worstVerdict: HopVerdict.UNLAWFUL, mechanisms: [TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES] });
    expect(route('US')?.verdictCounts.get(HopVerdict.UNLAWFUL)).toBe(1);
    expect(route(null)).toMatchObject({ flowIds: ['to-nowhere'], worstVerdict: judged.find((hop) => hop.flowId === 'to-nowhere')?.verdict });
    expect(routes.at(-1)?.toCountry).toBeNull();
  });

  it('keeps a hop within one country only when it is a restricted transfer all the same', () => {
    const domestic = makeSnapshot({
      parties: [...PARTIES, makeParty({ key: 'shanghai-cloud', countries: ['CN'], evidence: contracted })],
      categories: CATEGORIES,
      activities: [
        makeActivity({ key: 'cn-app', controllerId: 'shanghai', legalBasis: LegalBasis.SEPARATE_CONSENT, categoryIds: ['contact'] }),
        makeActivity({ key: 'eu-app', controllerId: 'shanghai', legalBasis: LegalBasis.CONTRACT, categoryIds: ['device'] }),
      ],
      flows: [
        makeFlow({ key: 'cn-local', activityId: 'cn-app', fromId: 'shanghai', toId: 'shanghai-cloud', categoryIds: ['contact'] }),
        makeFlow({ key: 'eu-local', activityId: 'eu-app', fromId: 'shanghai', toId: 'shanghai-cloud', categoryIds: ['device'] }),
      ],
    });
    // A stored person of the EU app lives in Germany: GDPR follows the data (Art. 3(2)).
    const options = { asOf: AS_OF, residencesByActivity: new Map([['eu-app', ['DE']]]) };
    const hops = computeInventoryHops(domestic, options);
    const restricted = hops.filter((hop) => hop.transferRegimes.length > 0).map((hop) => hop.flowId);
    const routes = inventoryTransferRoutes(domestic, options);
    expect(routes.filter((route) => route.fromCountry === 'CN' && route.toCountry === 'CN').flatMap((route) => route.flowIds)).toEqual(restricted);
    expect(restricted).toEqual(['eu-local']);
  });
});
