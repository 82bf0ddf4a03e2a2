import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE, makeActivity, makeCategory, makeFlow, makeParty, makeSubject } from './support/factories';
import { startTestServer, type TestServer } from './support/test-server';

// What an activity's notice states beyond its purpose and basis, through GraphQL: its age limits, personalised
// advertising and automated decisions.

let api: TestServer;

async function ok<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await api.graphql<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

const UPSERT_PERSON = 'mutation($input: PersonInput!) { upsertPerson(input: $input) { inserted } }';
const AS_OF = '2024-06-01';

beforeAll(async () => {
  api = await startTestServer();
  await ok(CREATE.party, { input: makeParty({ key: 'acme', countries: ['SG'] }) });
  await ok(CREATE.party, { input: makeParty({ key: 'cloud', name: 'Cloud Pte', kind: 'PROCESSOR', countries: ['SG'] }) });
  await ok(CREATE.category, { input: makeCategory({ key: 'contact', name: 'Contact' }) });
  await ok(CREATE.subject, { input: makeSubject() });
  await ok(CREATE.activity, { input: makeActivity({ key: 'accounts', controller: 'acme', guardianConsentUnder: 14 }) });
  await ok(CREATE.activity, { input: makeActivity({ key: 'betting', name: 'Betting', controller: 'acme', minimumAge: 18 }) });
  await ok(CREATE.flow, { input: makeFlow({ key: 'accounts-to-cloud', activity: 'accounts', from: 'acme', to: 'cloud', dataCategories: ['contact'] }) });
});
afterAll(async () => {
  await api?.stop();
});

describe('age limits of an activity', () => {
  it('stores, reads, updates and exports them', async () => {
    const { activity } = await ok<{ activity: unknown }>('{ activity(key: "accounts") { minimumAge guardianConsentUnder } }');
    expect(activity).toEqual({ minimumAge: null, guardianConsentUnder: 14 });
    await ok('mutation { updateActivity(key: "betting", input: { minimumAge: 21 }) { key } }');
    const exported = JSON.parse((await ok<{ exportInventory: string }>('{ exportInventory(format: JSON) }')).exportInventory) as {
      activities: { key: string; minimumAge: number | null; guardianConsentUnder: number | null }[];
    };
    expect(exported.activities.map(({ key, minimumAge, guardianConsentUnder }) => [key, minimumAge, guardianConsentUnder])).toEqual([
      ['accounts', null, 14],
      ['betting', 21, null],
    ]);
    await ok('mutation { updateActivity(key: "betting", input: { minimumAge: 18 }) { key } }');
  });

  it('refuses an age that is not one, or a guardian age at or below the minimum, naming the field', async () => {
    const result = await api.graphql('mutation { updateActivity(key: "betting", input: { minimumAge: 0, guardianConsentUnder: 200 }) { key } }');
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/input\.minimumAge: 0 is not an age/);
    expect(result.errors?.[0].message).toMatch(/input\.guardianConsentUnder: 200 is not an age/);
    const ordered = await api.graphql('mutation { updateActivity(key: "betting", input: { guardianConsentUnder: 16 }) { key } }');
    expect(ordered.errors?.[0].message).toMatch(/input\.guardianConsentUnder: 16 must be above minimumAge \(18\)/);
  });

  it('answers a profile: nothing collected below the limits, and why', async () => {
    const ask = async (age: number, consents: unknown[] = []) =>
      (
        await ok<{ profileDataFlows: { collections: { activityKey: string }[]; refusedCollections: unknown[]; hops: { flowKey: string }[] } }>(
          `query($consents: [ConsentInput!]) { profileDataFlows(profile: { subjectCategories: ["app-user"], countryOfResidence: "SG", age: ${age}, consents: $consents }, asOf: "${AS_OF}") {
            collections { activityKey } refusedCollections { activityKey reason message } hops { flowKey } } }`,
          { consents },
        )
      ).profileDataFlows;
    const child = await ask(12);
    expect(child.collections).toEqual([]);
    expect(child.refusedCollections).toEqual([
      { activityKey: 'accounts', reason: 'NO_GUARDIAN_CONSENT', message: "Activity 'accounts' needs a guardian's consent under 14; this person, aged 12, holds none" },
      { activityKey: 'betting', reason: 'BELOW_MINIMUM_AGE', message: "Activity 'betting' serves persons from 18; this person is 12" },
    ]);
    const withParent = await ask(12, [{ activity: 'accounts', kind: 'ORDINARY', givenByGuardian: true, givenAt: '2024-01-01T00:00:00Z' }]);
    expect(withParent.collections.map((collection) => collection.activityKey)).toEqual(['accounts']);
    expect(withParent.hops.map((hop) => hop.flowKey)).toEqual(['accounts-to-cloud']);
    expect((await ask(30)).refusedCollections).toEqual([]);
  });

  it('reports the stored persons who break them in the whole map’s findings', async () => {
    await ok(UPSERT_PERSON, { input: { externalId: 'kid-1', countryOfResidence: 'SG', subjectCategories: ['app-user'], dateOfBirth: '2012-03-01' } });
    await ok(UPSERT_PERSON, { input: { externalId: 'adult-1', countryOfResidence: 'SG', subjectCategories: ['app-user'], dateOfBirth: '1980-03-01' } });
    const { findings } = await ok<{ findings: { nodes: { ruleId: string; activityKeys: string[]; personIds: string[] }[] } }>(
      `{ findings(asOf: "${AS_OF}") { nodes { ruleId activityKeys personIds } } }`,
    );
    const ageFindings = findings.nodes.filter((finding) => finding.ruleId.startsWith('ANY-') && finding.ruleId.includes('AGE'));
    expect(ageFindings).toEqual([
      { ruleId: 'ANY-AGE-LIMIT-NO-GUARDIAN-CONSENT', activityKeys: ['accounts'], personIds: ['kid-1'] },
      { ruleId: 'ANY-BELOW-MINIMUM-AGE', activityKeys: ['betting'], personIds: ['kid-1'] },
    ]);
    const { person } = await ok<{ person: { dataFlows: { refusedCollections: { activityKey: string; reason: string }[] } } }>(
      `{ person(externalId: "kid-1") { dataFlows(asOf: "${AS_OF}") { refusedCollections { activityKey reason } } } }`,
    );
    expect(person.dataFlows.refusedCollections.map((refusal) => refusal.reason)).toEqual(['NO_GUARDIAN_CONSENT', 'BELOW_MINIMUM_AGE']);
  });
});

describe('personalised advertising and automated decisions', () => {
  const FLAGS = 'personalisedAdvertising advertisingOptOut automatedDecisions humanReview evidence { kind }';

  it('are off by default, stored, updated and exported', async () => {
    const { activity } = await ok<{ activity: unknown }>(`{ activity(key: "accounts") { ${FLAGS} } }`);
    expect(activity).toEqual({ personalisedAdvertising: false, advertisingOptOut: false, automatedDecisions: 'NONE', humanReview: false, evidence: [] });
    await ok(CREATE.party, { input: makeParty({ key: 'lender', name: 'Lender GmbH', countries: ['DE'] }) });
    await ok(CREATE.activity, {
      input: makeActivity({ key: 'credit-scoring', name: 'Credit scoring', controller: 'lender', legalBasis: 'LEGITIMATE_INTERESTS', automatedDecisions: 'SIGNIFICANT', personalisedAdvertising: true }),
    });
    const exported = JSON.parse((await ok<{ exportInventory: string }>('{ exportInventory(format: JSON) }')).exportInventory) as {
      activities: { key: string; personalisedAdvertising: boolean; advertisingOptOut: boolean; automatedDecisions: string; humanReview: boolean }[];
    };
    expect(exported.activities.find((entry) => entry.key === 'credit-scoring')).toMatchObject({
      personalisedAdvertising: true,
      advertisingOptOut: false,
      automatedDecisions: 'SIGNIFICANT',
      humanReview: false,
    });
    expect(exported.activities.find((entry) => entry.key === 'accounts')).toMatchObject({ personalisedAdvertising: false, automatedDecisions: 'NONE' });
  });

  it('feed the findings, which the recorded opt-out, human review, contract and DPIA resolve', async () => {
    const ruleIdsOfScoring = async () =>
      (await ok<{ findings: { nodes: { ruleId: string; activityKeys: string[] }[] } }>(`{ findings(asOf: "${AS_OF}") { nodes { ruleId activityKeys } } }`)).findings.nodes
        .filter((finding) => finding.activityKeys.includes('credit-scoring') && /MARKETING|AUTOMATED|DPIA/.test(finding.ruleId))
        .map((finding) => finding.ruleId)
        .sort();
    expect(await ruleIdsOfScoring()).toEqual(['GDPR-AUTOMATED-DECISION-UNLAWFUL', 'GDPR-MARKETING-NO-OBJECTION', 'GDPR-NO-DPIA']);
    await ok(`mutation { updateActivity(key: "credit-scoring", input: { legalBasis: CONTRACT, advertisingOptOut: true, humanReview: true,
      evidence: [{ kind: DATA_PROTECTION_IMPACT_ASSESSMENT, datedOn: "2024-01-15", reference: "DPIA-7" }] }) { key } }`);
    expect(await ruleIdsOfScoring()).toEqual([]);
    const { activity } = await ok<{ activity: unknown }>(`{ activity(key: "credit-scoring") { ${FLAGS} } }`);
    expect(activity).toEqual({
      personalisedAdvertising: true,
      advertisingOptOut: true,
      automatedDecisions: 'SIGNIFICANT',
      humanReview: true,
      evidence: [{ kind: 'DATA_PROTECTION_IMPACT_ASSESSMENT' }],
    });
  });

  it('refuses an unknown kind of automated decisions through the inventory file, naming the field', async () => {
    const file = JSON.stringify({
      flowmap: 1,
      activities: [{ ...makeActivity({ key: 'odd', controller: 'acme' }), automatedDecisions: 'SOMETIMES' }],
    });
    const result = await api.graphql<{ importInventory: { applied: boolean } }>('mutation($file: String!) { importInventory(file: $file, dryRun: true) { applied } }', { file });
    const problems = JSON.stringify(result.errors ?? []);
    expect(problems).toMatch(/automatedDecisions/);
  });
});
