import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collection,
  collectionKeys,
  findingsOf,
  findingsOnFlow,
  hop,
  recipient,
  recipientKeys,
  ruleIds,
  startSeed,
  what,
  type SeedApi,
} from './seed-questions';

// ZKTeco Co., Ltd. global Privacy Protection Policy, archived 2019-10-11 (seeds/001, examples/zkteco-global-2019.yaml).
// Section 8: data is processed wherever ZKTeco and its branches, subsidiaries or related companies are, with no
// transfer mechanism named. The example records the group in CN (ZKTeco Co., Ltd. is in Dongguan), its one known country.

const NOW = '2025-06-02T09:00:00Z';

const TO_GROUP = ['media-to-group', 'orders-to-group', 'support-to-group'];
const GROUP_CATEGORIES = [
  'contact.address',
  'contact.email',
  'contact.phone',
  'device.model',
  'device.serial_number',
  'identity.name',
  'media.audio',
  'media.screenshot',
  'media.video',
  'support.communications',
  'support.error_reports',
  'transaction.purchase',
];
const EVERYTHING = ['contact', 'device', 'financial', 'identity', 'media', 'professional', 'profile', 'support', 'transaction', 'usage'];

let seed: SeedApi;

beforeAll(async () => {
  seed = await startSeed('zkteco-global-2019');
});
afterAll(async () => {
  await seed?.stop();
});

describe('ZKTeco global policy (2019): what reaches a third country for a customer in France?', () => {
  it('everything is collected by ZKTeco in China directly from France: a cross-border collection', async () => {
    const answer = await seed.person('fr-customer-1', NOW);
    expect(collectionKeys(answer)).toEqual([
      'analytics-and-improvement',
      'asset-sale',
      'customer-support',
      'fraud-prevention-and-management',
      'legal-compliance',
      'media-synchronisation',
      'notifications-and-marketing',
      'order-fulfilment',
    ]);
    expect(answer.collections.every((entry) => entry.crossBorderCollection && entry.controllerCountries.join() === 'CN')).toBe(true);
    expect(answer.summary.countriesReached).toEqual(['CN']);
  });

  it('orders, support and media go on to the group in China: GDPR transfers (Art. 44, onward) with no mechanism, all three CRITICAL', async () => {
    const answer = await seed.person('fr-customer-1', NOW);
    for (const flowKey of TO_GROUP) {
      expect(hop(answer, flowKey), flowKey).toMatchObject({
        fromKey: 'zkteco',
        toKey: 'zkteco-group',
        fromCountries: ['CN'],
        toCountries: ['CN'],
        regimes: ['GDPR', 'PIPL'],
        mechanism: null,
        lawful: false,
      });
    }
    const noMechanism = findingsOf(answer.findings, 'GDPR-TRANSFER-NO-MECHANISM');
    expect(what(noMechanism)).toEqual([
      ['GDPR-TRANSFER-NO-MECHANISM', 'media-to-group', 'media-synchronisation'],
      ['GDPR-TRANSFER-NO-MECHANISM', 'orders-to-group', 'order-fulfilment'],
      ['GDPR-TRANSFER-NO-MECHANISM', 'support-to-group', 'customer-support'],
    ]);
    expect(noMechanism.every((finding) => finding.severity === 'CRITICAL' && finding.message.includes('to CN, not adequate under GDPR'))).toBe(true);
    expect(recipient(answer, 'zkteco-group')).toEqual({ partyKey: 'zkteco-group', kind: 'AFFILIATE', countries: ['CN'], categoryKeys: GROUP_CATEGORIES });
  });

  // Art. 30(1) is now checked item by item, (a) to (g). The transfers to China on no mechanism are
  // Chapter V findings (TRANSFER-NO-MECHANISM above), no longer record gaps: (e) asks for
  // safeguards only for Art. 49(1) second-subparagraph transfers. What the record lacks instead:
  // the countries of recipients the policy does not place (e), and security measures (g), which
  // the 2019 policy states for none of these activities. The controller's contact (a) is encoded
  // from section 9.
  it('and the record of the activities names no country for the unplaced recipients (e) and no security measures (g)', async () => {
    const answer = await seed.person('fr-customer-1', NOW);
    expect(findingsOf(answer.findings, 'GDPR-ART30-RECORD-INCOMPLETE').map((finding) => finding.message)).toEqual([
      "The record of activity 'analytics-and-improvement' lacks: security measures (g)",
      "The record of activity 'asset-sale' lacks: countries of the recipients asset-purchaser (e); security measures (g)",
      "The record of activity 'customer-support' lacks: security measures (g)",
      "The record of activity 'fraud-prevention-and-management' lacks: countries of the recipients fraud-prevention-recipients (e); security measures (g)",
      "The record of activity 'legal-compliance' lacks: countries of the recipients law-enforcement-authorities (e); security measures (g)",
      "The record of activity 'media-synchronisation' lacks: countries of the recipients service-providers (e); security measures (g)",
      "The record of activity 'notifications-and-marketing' lacks: security measures (g)",
      "The record of activity 'order-fulfilment' lacks: countries of the recipients service-providers (e); security measures (g)",
    ]);
  });

  it('the service providers have no data processing agreement on record; where they are, the policy does not say, so the transfer cannot be judged', async () => {
    const answer = await seed.person('fr-customer-1', NOW);
    expect(what(findingsOf(answer.findings, 'GDPR-PROCESSOR-NO-DPA'))).toEqual([
      ['GDPR-PROCESSOR-NO-DPA', 'media-to-service-providers', 'media-synchronisation'],
      ['GDPR-PROCESSOR-NO-DPA', 'orders-to-service-providers', 'order-fulfilment'],
    ]);
    expect(hop(answer, 'orders-to-service-providers').toCountries).toEqual([]);
    // No country on record: each regime following the data says the transfer cannot be assessed
    // (DESTINATION-UNKNOWN, new), beside the missing agreements; the hop is UNDETERMINED.
    expect(ruleIds(findingsOnFlow(answer.findings, 'orders-to-service-providers'))).toEqual([
      'GDPR-DESTINATION-UNKNOWN',
      'GDPR-PROCESSOR-NO-DPA',
      'PIPL-DESTINATION-UNKNOWN',
      'PIPL-ENTRUSTMENT-NO-AGREEMENT',
    ]);
    expect(hop(answer, 'orders-to-service-providers')).toMatchObject({ verdict: 'UNDETERMINED', lawful: null, crossesBorder: null });
  });

  it('for a customer in China the same group flows stay in China under PIPL alone: no transfer, nothing found on them but the group’s missing contact', async () => {
    const answer = await seed.person('cn-customer-1', NOW);
    for (const flowKey of TO_GROUP) {
      expect(hop(answer, flowKey), flowKey).toMatchObject({ regimes: ['PIPL'], crossesBorder: false, lawful: true });
      // The group receives as a handler of its own: the Art. 23 notice must give its contact,
      // which is not on record, a gap (PIPL-PROVISION-NO-NOTICE, new).
      expect(ruleIds(findingsOnFlow(answer.findings, flowKey)), flowKey).toEqual(['PIPL-PROVISION-NO-NOTICE']);
    }
    expect(answer.collections.some((entry) => entry.crossBorderCollection)).toBe(false);
    expect(ruleIds(answer.findings).filter((id) => id.startsWith('GDPR-'))).toEqual([]);
  });

  it('across the whole map too: the residents on record put the group flows under GDPR (Art. 3(2)), so the register lists them', async () => {
    const { transfers, findings } = await seed.ok<{ transfers: { nodes: { flowKey: string; lawful: boolean }[] }; findings: { nodes: { flowKeys: string[] }[] } }>(
      `query($asOf: AsOf) {
        transfers: crossBorderTransfers(filter: { regime: "GDPR" }, asOf: $asOf, first: 500) { nodes { flowKey lawful } }
        findings(rule: "GDPR-TRANSFER-NO-MECHANISM", asOf: $asOf, first: 500) { nodes { flowKeys } }
      }`,
      { asOf: NOW },
    );
    expect(transfers.nodes.filter((transfer) => TO_GROUP.includes(transfer.flowKey)).map((transfer) => [transfer.flowKey, transfer.lawful]).sort()).toEqual(
      [...TO_GROUP].sort().map((flowKey) => [flowKey, false]),
    );
    expect(findings.nodes.flatMap((finding) => finding.flowKeys).filter((flowKey) => TO_GROUP.includes(flowKey)).sort()).toEqual([...TO_GROUP].sort());
  });

  it('whose data reaches the group: the customers, not the website visitor', async () => {
    const { personsReaching } = await seed.ok<{ personsReaching: { totalCount: number; nodes: { externalId: string }[] } }>(
      'query($asOf: AsOf) { personsReaching(party: "zkteco-group", asOf: $asOf) { totalCount nodes { externalId } } }',
      { asOf: NOW },
    );
    expect(personsReaching.totalCount).toBe(3);
    expect(personsReaching.nodes.map((person) => person.externalId)).toEqual(['cn-customer-1', 'es-minor-1', 'fr-customer-1']);
  });
});

describe('Who gets the data if ZKTeco’s assets are sold (4d)?', () => {
  it('the purchaser receives every category held, wherever it is; on legitimate interests, which PIPL does not know', async () => {
    const answer = await seed.person('us-visitor-1', NOW);
    expect(hop(answer, 'transfer-to-asset-purchaser')).toMatchObject({ toKey: 'asset-purchaser', categoryKeys: EVERYTHING, toCountries: [], legalBasis: 'LEGITIMATE_INTERESTS', lawful: false });
    expect(what(answer.findings)).toEqual([
      ['PIPL-ACTIVITY-LEGITIMATE-INTERESTS', '', 'asset-sale'],
      // Neither the purchaser nor the authorities have a country on record (new: whether these are exports cannot be assessed).
      ['PIPL-DESTINATION-UNKNOWN', 'disclosure-to-authorities', 'legal-compliance'],
      ['PIPL-DESTINATION-UNKNOWN', 'transfer-to-asset-purchaser', 'asset-sale'],
      ['PIPL-FLOW-LEGITIMATE-INTERESTS', 'transfer-to-asset-purchaser', 'asset-sale'],
      ['PIPL-NO-PIA', '', 'asset-sale'],
      // The purchaser has no contact on record for the notice (Art. 23, new).
      ['PIPL-PROVISION-NO-NOTICE', 'transfer-to-asset-purchaser', 'asset-sale'],
    ]);
  });

  it('a visitor who withdrew the analytics consent reaches only the purchaser and the authorities', async () => {
    const answer = await seed.person('us-visitor-1', NOW);
    expect(collectionKeys(answer)).toEqual(['asset-sale', 'legal-compliance']);
    expect(recipientKeys(answer)).toEqual(['asset-purchaser', 'law-enforcement-authorities']);
    const beforeWithdrawal = await seed.person('us-visitor-1', '2020-06-01T00:00:00Z');
    expect(collectionKeys(beforeWithdrawal)).toEqual(['analytics-and-improvement', 'asset-sale', 'legal-compliance']);
  });
});

describe('What do authorities receive (4c)?', () => {
  it('everything, on request, on a legal obligation, in countries the policy does not name: nothing to find but that unknown', async () => {
    const answer = await seed.person('fr-customer-1', NOW);
    expect(hop(answer, 'disclosure-to-authorities')).toMatchObject({
      toKey: 'law-enforcement-authorities',
      categoryKeys: EVERYTHING,
      legalBasis: 'LEGAL_OBLIGATION',
      toCountries: [],
      verdict: 'UNDETERMINED',
      lawful: null,
    });
    // It used to be lawful with nothing found; with no country on record the disclosure cannot be
    // assessed as a transfer under the regimes that follow a French customer's data held in China.
    expect(ruleIds(findingsOnFlow(answer.findings, 'disclosure-to-authorities'))).toEqual(['GDPR-DESTINATION-UNKNOWN', 'PIPL-DESTINATION-UNKNOWN']);
  });
});

describe('A non-adult who registered despite section 7', () => {
  it('at 13 in Spain (GDPR age of consent 14) their own consent to marketing does not count: not collected, and reported', async () => {
    const answer = await seed.person('es-minor-1', '2020-06-02T00:00:00Z');
    expect(collection(answer, 'notifications-and-marketing')).toBeUndefined();
    expect(what(findingsOf(answer.findings, 'GDPR-MINOR-NO-GUARDIAN-CONSENT'))).toEqual([
      ['GDPR-MINOR-NO-GUARDIAN-CONSENT', '', 'notifications-and-marketing'],
    ]);
    // The contract activities still collect: "no service to non-adults" is the company's promise, not a rule here.
    expect(collectionKeys(answer)).toContain('order-fulfilment');
  });

  it('at 18 the same consent counts', async () => {
    const answer = await seed.person('es-minor-1', NOW);
    expect(collection(answer, 'notifications-and-marketing')?.categoryKeys).toEqual(['contact.email', 'contact.phone', 'device.identifier']);
    expect(ruleIds(answer.findings)).not.toContain('GDPR-MINOR-NO-GUARDIAN-CONSENT');
  });
});
