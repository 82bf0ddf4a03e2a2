import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventoryFindings } from '../src/modules/flow-query/inventory-findings.service';
import { Role } from '../src/modules/auth/role';
import { startTestServer, type GraphQLClient, type TestServer } from './support/test-server';

let api: TestServer;

const AS_OF = '2024-06-01T12:00:00Z';
const NOTICE = '[ { kind: ART39_NOTICE, datedOn: 2024-01-01 } ]';
const CONTACT = '[ { kind: RECIPIENT_CONTACT, datedOn: 2024-01-01 } ]';

// A shop in China: a hotel booking exported for 2,000,000 persons under the contract exemption
// (Provisions Art. 5(1)), two exports of 60,000 persons each under Art. 5(4), and a kids' club
// of another handler in China whose stored members are under 14.
const INVENTORY = `flowmap: 1
subjectCategories:
  - { key: customer, name: Customer }
  - { key: child, name: Child member }
dataCategories:
  - { key: contact, name: Contact details }
parties:
  - { key: shop, name: Shop, kind: CONTROLLER, countries: [CN] }
  - { key: club, name: Club, kind: CONTROLLER, countries: [CN] }
  - { key: hotel, name: Hotel, kind: THIRD_PARTY, countries: [FR], evidence: ${CONTACT} }
  - { key: hq, name: HQ, kind: AFFILIATE, countries: [DE], evidence: ${CONTACT} }
  - { key: lab, name: Lab, kind: AFFILIATE, countries: [SG], evidence: ${CONTACT} }
activities:
${['booking', 'crm', 'newsletter']
  .map(
    (key) => `  - { key: ${key}, name: ${key}, purpose: ${key}, controller: shop, legalBasis: CONTRACT, subjectCategories: [customer],
      dataCategories: [ { category: contact, required: true } ], retention: { period: P1Y }, effectiveFrom: 2020-01-01,
      evidence: [ { kind: PI_IMPACT_ASSESSMENT, datedOn: 2020-01-01 } ] }`,
  )
  .join('\n')}
  - { key: kids-club, name: Kids club, purpose: Club, controller: club, legalBasis: CONTRACT, subjectCategories: [child],
      dataCategories: [ { category: contact, required: true } ], retention: { period: P1Y }, effectiveFrom: 2020-01-01 }
flows:
  - { key: booking-to-hotel, activity: booking, from: shop, to: hotel, dataCategories: [contact], mechanism: PIPL_EXEMPTION,
      piplExemption: CONTRACT_NECESSITY, necessity: the hotel needs the guest's name for the booking, annualSubjects: 2000000,
      effectiveFrom: 2020-01-01, evidence: ${NOTICE} }
  - { key: crm-to-hq, activity: crm, from: shop, to: hq, dataCategories: [contact], mechanism: PIPL_EXEMPTION,
      piplExemption: UNDER_100000_PERSONS, necessity: group CRM, annualSubjects: 60000, effectiveFrom: 2020-01-01, evidence: ${NOTICE} }
  - { key: newsletter-to-lab, activity: newsletter, from: shop, to: lab, dataCategories: [contact], mechanism: PIPL_EXEMPTION,
      piplExemption: UNDER_100000_PERSONS, necessity: group newsletter, annualSubjects: 60000, effectiveFrom: 2020-01-01, evidence: ${NOTICE} }
  - { key: club-to-lab, activity: kids-club, from: club, to: lab, dataCategories: [contact], mechanism: PIPL_EXEMPTION,
      piplExemption: UNDER_100000_PERSONS, necessity: club events, annualSubjects: 5, effectiveFrom: 2020-01-01, evidence: ${NOTICE} }
persons:
  - { externalId: kid-1, countryOfResidence: CN, subjectCategories: [child], dateOfBirth: 2015-03-01 }
  - { externalId: kid-2, countryOfResidence: US, subjectCategories: [child], dateOfBirth: 2016-07-01 }
  - { externalId: adult-1, countryOfResidence: CN, subjectCategories: [customer], dateOfBirth: 1990-01-01 }
  - { externalId: adult-2, countryOfResidence: DE, subjectCategories: [customer], dateOfBirth: 1980-01-01 }
`;

const FINDINGS = `query($rule: String) { findings(rule: $rule, asOf: "${AS_OF}", first: 500) {
  totalCount nodes { ruleId flowKeys activityKeys personCount message } } }`;
const FINDINGS_WITH_PERSONS = `query($rule: String) { findings(rule: $rule, asOf: "${AS_OF}", first: 500) { nodes { ruleId personIds personCount } } }`;

interface FindingNode {
  ruleId: string;
  flowKeys: string[];
  activityKeys: string[];
  personCount: number;
  message: string;
  personIds?: string[];
}

async function findings(client: GraphQLClient, rule?: string): Promise<{ totalCount: number; nodes: FindingNode[] }> {
  const result = await client.graphql<{ findings: { totalCount: number; nodes: FindingNode[] } }>(FINDINGS, { rule });
  expect(result.errors).toBeUndefined();
  return result.data!.findings;
}

beforeAll(async () => {
  api = await startTestServer();
  const imported = await api.graphql(`mutation($file: String!) { importInventory(file: $file) { applied } }`, { file: INVENTORY });
  expect(imported.errors).toBeUndefined();
});
afterAll(async () => {
  await api?.stop();
});

describe('the exemption a flow claims (piplExemption)', () => {
  it('is stored, answered and exported', async () => {
    const flows = await api.graphql<{ flow: { piplExemption: string; necessity: string } }>(`{ flow(key: "booking-to-hotel") { piplExemption necessity } }`);
    expect(flows.data?.flow).toEqual({ piplExemption: 'CONTRACT_NECESSITY', necessity: "the hotel needs the guest's name for the booking" });
    const exported = await api.graphql<{ exportInventory: string }>('{ exportInventory }');
    expect(exported.data!.exportInventory).toMatch(/piplExemption: CONTRACT_NECESSITY/);
    expect(exported.data!.exportInventory).toMatch(/necessity: the hotel needs the guest's name for the booking/);
  });

  it('is refused, naming the field, on a flow whose mechanism is not PIPL_EXEMPTION', async () => {
    const result = await api.graphql(`mutation { createFlow(input: { key: "bad", activity: "crm", from: "shop", to: "hq", dataCategories: ["contact"],
      mechanism: STANDARD_CONTRACTUAL_CLAUSES, piplExemption: EMERGENCY, effectiveFrom: "2024-01-01" }) { key } }`);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/input\.piplExemption: an exemption is claimed only by a flow whose mechanism is PIPL_EXEMPTION/);
  });

  it('under Art. 5(1) exempts a 2,000,000-person booking export from every threshold', async () => {
    const volume = [...(await findings(api, 'PIPL-VOLUME-CONTRACT-REQUIRED')).nodes, ...(await findings(api, 'PIPL-VOLUME-ASSESSMENT-REQUIRED')).nodes];
    expect(volume.flatMap((finding) => finding.flowKeys)).not.toContain('booking-to-hotel');
  });
});

describe('volumes per handler', () => {
  it('adds up two 60,000-person exports of one handler to 120,000: a standard contract is needed for both', async () => {
    const { nodes } = await findings(api, 'PIPL-VOLUME-CONTRACT-REQUIRED');
    expect(nodes.map((finding) => finding.flowKeys[0])).toEqual(expect.arrayContaining(['crm-to-hq', 'newsletter-to-lab']));
    expect(nodes.find((finding) => finding.flowKeys[0] === 'crm-to-hq')?.message).toMatch(/120000 persons exported by its handler this year/);
  });
});

describe('findings about stored persons (children)', () => {
  it('for ADMIN: once per rule and activity, with the number of persons and who they are', async () => {
    const result = await api.graphql<{ findings: { nodes: FindingNode[] } }>(FINDINGS_WITH_PERSONS, { rule: 'PIPL-CHILD-SENSITIVE-DUTIES' });
    expect(result.data!.findings.nodes).toEqual([{ ruleId: 'PIPL-CHILD-SENSITIVE-DUTIES', personIds: ['kid-1', 'kid-2'], personCount: 2 }]);
  });

  it("takes a child's data as sensitive for the thresholds: the club's 5-person export needs a standard contract", async () => {
    const { nodes } = await findings(api, 'PIPL-VOLUME-CONTRACT-REQUIRED');
    expect(nodes.find((finding) => finding.flowKeys[0] === 'club-to-lab')?.message).toMatch(/sensitive personal information: a child’s under 14/);
    const pia = await findings(api, 'PIPL-NO-PIA');
    expect(pia.nodes.find((finding) => finding.activityKeys[0] === 'kids-club')?.message).toMatch(/processes sensitive personal information \(contact: a child’s under 14\)/);
  });

  it('for a VIEWER or EDITOR: the findings of the map alone, which reveal nothing about stored persons', async () => {
    const admin = await findings(api);
    for (const role of [Role.VIEWER, Role.EDITOR]) {
      const seen = await findings(await api.as(role));
      expect(seen.nodes.map((finding) => finding.ruleId)).not.toContain('PIPL-CHILD-SENSITIVE-DUTIES');
      expect(seen.nodes.every((finding) => finding.personCount === 0)).toBe(true);
      expect(seen.nodes.find((finding) => finding.flowKeys[0] === 'club-to-lab')).toBeUndefined();
      expect(seen.totalCount).toBeLessThan(admin.totalCount);
    }
    const auditor = await findings(await api.as(Role.AUDITOR));
    expect(auditor.totalCount).toBe(admin.totalCount);
  });

  it('are what the CLI gate sees', async () => {
    const gate = await inventoryFindings(api.database.dataSource, { asOf: new Date(AS_OF), includePersons: true });
    expect(gate.find((finding) => finding.ruleId === 'PIPL-CHILD-SENSITIVE-DUTIES')).toMatchObject({ personCount: 2, activityKeys: ['kids-club'] });
  });
});

describe('what an import adds to the findings', () => {
  // A German customer is stored: under GDPR Art. 3(2) their data is followed to Singapore. Only a
  // caller who may read persons is told what the stored persons make of the change.
  const addition = `flowmap: 1
flows:
  - { key: crm-to-lab, activity: crm, from: shop, to: lab, dataCategories: [contact], mechanism: PIPL_STANDARD_CONTRACT,
      necessity: group CRM, effectiveFrom: 2020-01-01, evidence: [ { kind: ART39_NOTICE, datedOn: 2024-01-01 }, { kind: PIPL_STANDARD_CONTRACT_FILING, datedOn: 2024-01-01 } ] }
`;
  const addedBy = async (client: GraphQLClient) => {
    const result = await client.graphql<{ importInventory: { findingsAdded: { ruleId: string }[] } }>(
      `mutation($file: String!) { importInventory(file: $file, dryRun: true) { findingsAdded { ruleId } } }`,
      { file: addition },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.importInventory.findingsAdded.map((finding) => finding.ruleId);
  };

  it('counts the stored persons for ADMIN, and not for an EDITOR', async () => {
    expect(await addedBy(api)).toContain('GDPR-TRANSFER-NO-MECHANISM');
    expect(await addedBy(await api.as(Role.EDITOR))).not.toContain('GDPR-TRANSFER-NO-MECHANISM');
  });
});
