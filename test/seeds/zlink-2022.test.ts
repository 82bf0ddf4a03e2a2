import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collection,
  findingsOf,
  findingsOnFlow,
  hop,
  hopKeys,
  recipient,
  ruleIds,
  startSeed,
  what,
  type Profile,
  type SeedApi,
} from './seed-questions';

// ZLink Technology, "Privacy", posted 2022-03-22 (seeds/003, examples/zlink-2022.yaml). Account data is "stored in the
// territory of the People's Republic of China"; "if cross-border transmission is required, we will obtain your
// authorization separately" (sections 1 and 7), to "the overseas jurisdiction of the country/region where you use the
// product or service". Children are under 14 (section 6).

const NOW = '2025-06-02T09:00:00Z';
const LAST_YEAR = '2024-06-01T09:00:00Z';

const OVERSEAS = ['account-overseas-transfer', 'profile-overseas-transfer'];
const ACCOUNT = ['account.credentials', 'account.username', 'contact.email', 'identity.name'];
const PROFILE = ['contact.phone', 'professional.company', 'professional.job_title', 'profile.education'];

const mainlandUser = (consents: Profile['consents'] = [], age: number | null = null): Profile => ({
  subjectCategories: age !== null && age < 14 ? ['registered-user', 'child'] : ['registered-user'],
  countryOfResidence: 'CN',
  age,
  consents,
});
const overseasConsents = (kind: 'ORDINARY' | 'SEPARATE', givenByGuardian = false): NonNullable<Profile['consents']> => [
  { activity: 'account-profile', kind: 'ORDINARY', givenByGuardian, givenAt: LAST_YEAR },
  ...OVERSEAS.map((flow) => ({ flow, kind, givenByGuardian, givenAt: LAST_YEAR })),
];

let seed: SeedApi;

beforeAll(async () => {
  seed = await startSeed('zlink-2022');
});
afterAll(async () => {
  await seed?.stop();
});

describe('ZLink (Mar 2022): where do the overseas servers stand?', () => {
  it('the policy names no country ("where you use the product"): with the separate authorisation the data reaches the overseas servers, and the registry cannot say where', async () => {
    const answer = await seed.person('cn-user-1', NOW);
    expect(recipient(answer, 'zlink-overseas-servers')).toEqual({
      partyKey: 'zlink-overseas-servers',
      kind: 'AFFILIATE',
      countries: [],
      categoryKeys: [...ACCOUNT, ...PROFILE].sort(),
    });
    // The registry says so: the servers are an unknown destination (countriesReached lists only what
    // is known), and each overseas hop gets PIPL-DESTINATION-UNKNOWN, UNDETERMINED; it used to find nothing.
    expect(answer.summary.countriesReached).toEqual(['CN']);
    expect(answer.summary.unknownDestinations).toEqual(['merger-successor', 'zlink-affiliates', 'zlink-overseas-servers']);
    expect(what(OVERSEAS.flatMap((flow) => findingsOnFlow(answer.findings, flow)))).toEqual([
      ['PIPL-DESTINATION-UNKNOWN', 'account-overseas-transfer', 'account-registration'],
      ['PIPL-DESTINATION-UNKNOWN', 'profile-overseas-transfer', 'account-profile'],
      // Not known to be an export, so the Art. 23 notice applies, and the servers' operator has no contact on record (new).
      ['PIPL-PROVISION-NO-NOTICE', 'account-overseas-transfer', 'account-registration'],
      ['PIPL-PROVISION-NO-NOTICE', 'profile-overseas-transfer', 'account-profile'],
    ]);
    expect(OVERSEAS.map((flow) => hop(answer, flow).verdict)).toEqual(['UNDETERMINED', 'UNDETERMINED']);
  });
});

// From here on, the DPO has recorded where the overseas servers have been since the policy took effect for a person who uses ZLink in Singapore.
describe('Once the overseas servers are on record (Singapore): does a mainland user’s data stay in China?', () => {
  beforeAll(async () => {
    await seed.ok('mutation { updateParty(key: "zlink-overseas-servers", input: { countries: ["SG"], countriesEffectiveFrom: "2022-03-22" }) { key } }');
  });

  it('yes without the separate authorisation: it reaches China only, and no finding says the "stored in the PRC" promise is broken', async () => {
    const answer = await seed.profile(mainlandUser([{ activity: 'account-profile', kind: 'ORDINARY', givenAt: LAST_YEAR }]), NOW);
    expect(answer.summary.countriesReached).toEqual(['CN']);
    expect(hopKeys(answer).filter((flow) => OVERSEAS.includes(flow))).toEqual([]);
    expect(ruleIds(answer.findings)).not.toContain('ANY-LOCALISATION-BROKEN');
    expect(ruleIds(answer.findings).filter((id) => id.startsWith('PIPL-EXPORT'))).toEqual([]);
  });

  it('an ordinary consent to the overseas transfer is not the separate authorisation: the data still stays in China', async () => {
    const answer = await seed.profile(mainlandUser(overseasConsents('ORDINARY')), NOW);
    expect(answer.summary.countriesReached).toEqual(['CN']);
    expect(hopKeys(answer).filter((flow) => OVERSEAS.includes(flow))).toEqual([]);
  });

  it('with the separate authorisation it leaves China for Singapore, de-identified, with no Art. 38 mechanism and no Art. 39 notice', async () => {
    const answer = await seed.person('cn-user-1', NOW);
    expect(answer.summary.countriesReached).toEqual(['CN', 'SG']);
    expect(hop(answer, 'account-overseas-transfer')).toMatchObject({
      categoryKeys: ACCOUNT,
      legalBasis: 'SEPARATE_CONSENT',
      consentHeld: true,
      fromCountries: ['CN'],
      toCountries: ['SG'],
      crossesBorder: true,
      regimes: ['PIPL'],
      mechanism: null,
      safeguards: ['DE_IDENTIFICATION'],
      lawful: false,
    });
    expect(hop(answer, 'profile-overseas-transfer')).toMatchObject({ categoryKeys: PROFILE, toCountries: ['SG'], lawful: false });
    // "In principle ... stored in the PRC", unless the person authorises the transfer: with the authorisation held, the
    // promise is kept (no ANY-LOCALISATION-BROKEN); what the authorisation cannot replace is still missing.
    expect(what(OVERSEAS.flatMap((flow) => findingsOnFlow(answer.findings, flow)))).toEqual([
      ['PIPL-EXPORT-NO-MECHANISM', 'account-overseas-transfer', 'account-registration'],
      ['PIPL-EXPORT-NO-MECHANISM', 'profile-overseas-transfer', 'account-profile'],
      ['PIPL-EXPORT-NO-NOTICE', 'account-overseas-transfer', 'account-registration'],
      ['PIPL-EXPORT-NO-NOTICE', 'profile-overseas-transfer', 'account-profile'],
    ]);
    // The separate consent PIPL Art. 39 asks for is there: no finding about it.
    expect(ruleIds(answer.findings)).not.toContain('PIPL-EXPORT-NO-SEPARATE-CONSENT');
    const notices = findingsOf(answer.findings, 'PIPL-EXPORT-NO-NOTICE').map((finding) => finding.message);
    expect(notices.every((message) => message.includes('no Art. 39 notice and no contact of zlink-overseas-servers'))).toBe(true);
  });

  it('the user who withdrew the authorisation in January 2023: in Singapore before, in China only since', async () => {
    expect((await seed.person('cn-user-2', '2022-06-01T00:00:00Z')).summary.countriesReached).toEqual(['CN', 'SG']);
    const since = await seed.person('cn-user-2', NOW);
    expect(since.summary.countriesReached).toEqual(['CN']);
    expect(ruleIds(since.findings)).not.toContain('ANY-LOCALISATION-BROKEN');
  });

  it('a child of 12 under 14: their own separate authorisation sends nothing abroad; their guardian’s does', async () => {
    const alone = await seed.profile(mainlandUser(overseasConsents('SEPARATE'), 12), NOW);
    expect(alone.summary.countriesReached).toEqual(['CN']);
    const withGuardian = await seed.profile(mainlandUser(overseasConsents('SEPARATE', true), 12), NOW);
    expect(withGuardian.summary.countriesReached).toEqual(['CN', 'SG']);
    expect(collection(withGuardian, 'account-profile')?.categoryKeys).toEqual(PROFILE);
    expect(ruleIds(withGuardian.findings)).not.toContain('PIPL-CHILD-NO-GUARDIAN-CONSENT');
  });

  it('across the data map, the transfers out of China are the two authorised ones, both unlawful, with no mechanism', async () => {
    const data = await seed.ok<{ crossBorderTransfers: { nodes: { flowKey: string; toCountries: string[]; mechanism: string | null; lawful: boolean }[] }; findings: { nodes: { flowKeys: string[] }[] } }>(
      `query($asOf: AsOf) {
        crossBorderTransfers(filter: { regime: "PIPL" }, asOf: $asOf) { nodes { flowKey toCountries mechanism lawful } }
        findings(rule: "PIPL-EXPORT-NO-MECHANISM", asOf: $asOf) { nodes { flowKeys } }
      }`,
      { asOf: NOW },
    );
    expect([...data.crossBorderTransfers.nodes].sort((a, b) => (a.flowKey < b.flowKey ? -1 : 1))).toEqual(OVERSEAS.map((flowKey) => ({ flowKey, toCountries: ['SG'], mechanism: null, lawful: false })));
    expect(data.findings.nodes.flatMap((finding) => finding.flowKeys).sort()).toEqual(OVERSEAS);
  });

  it('which stored persons’ data reaches Singapore today: only the user who still holds the authorisation', async () => {
    const { personsReaching } = await seed.ok<{ personsReaching: { totalCount: number; nodes: { externalId: string }[] } }>(
      'query($asOf: AsOf) { personsReaching(country: "SG", asOf: $asOf) { totalCount nodes { externalId } } }',
      { asOf: NOW },
    );
    expect(personsReaching.totalCount).toBe(1);
    expect(personsReaching.nodes.map((person) => person.externalId)).toEqual(['cn-user-1']);
  });
});

describe('Children under 14: only with a parent’s or guardian’s consent (section 6)', () => {
  it('a 12-year-old’s own consent to the additional profile does not count: not collected, and PIPL Art. 31 reports it', async () => {
    const answer = await seed.profile(mainlandUser([{ activity: 'account-profile', kind: 'ORDINARY', givenAt: LAST_YEAR }], 12), NOW);
    expect(collection(answer, 'account-profile')).toBeUndefined();
    expect(what(findingsOf(answer.findings, 'PIPL-CHILD-NO-GUARDIAN-CONSENT'))).toEqual([['PIPL-CHILD-NO-GUARDIAN-CONSENT', '', 'account-profile']]);
  });

  it('the stored child, registered with the guardian’s consent: the account is kept in China, nothing to report about the consent', async () => {
    const answer = await seed.person('cn-child-1', NOW);
    expect(collection(answer, 'account-registration')?.categoryKeys).toEqual(ACCOUNT);
    expect(answer.summary.countriesReached).toEqual(['CN']);
    expect(ruleIds(answer.findings)).not.toContain('PIPL-CHILD-NO-GUARDIAN-CONSENT');
    expect(ruleIds(answer.findings)).not.toContain('ANY-AGE-LIMIT-NO-GUARDIAN-CONSENT');
  });

  it('registration needs the guardian’s consent under 14 wherever the child lives (guardianConsentUnder): a Dutch 13-year-old, past no age of the law for a contract, gets no account without it', async () => {
    expect(await seed.activity('account-registration')).toMatchObject({ guardianConsentUnder: 14, minimumAge: null });
    const dutchChild = (consents: Profile['consents']): Profile => ({ subjectCategories: ['registered-user', 'child'], countryOfResidence: 'NL', age: 13, consents });
    const alone = await seed.profile(dutchChild([]), NOW);
    expect(collection(alone, 'account-registration')).toBeUndefined();
    expect(alone.refusedCollections).toEqual([
      { activityKey: 'account-registration', reason: 'NO_GUARDIAN_CONSENT', message: "Activity 'account-registration' needs a guardian's consent under 14; this person, aged 13, holds none" },
    ]);
    const withGuardian = await seed.profile(dutchChild([{ activity: 'account-registration', kind: 'ORDINARY', givenByGuardian: true, givenAt: LAST_YEAR }]), NOW);
    expect(collection(withGuardian, 'account-registration')?.categoryKeys).toEqual(ACCOUNT);
  });
});

describe('Who analyses the data for ZLink (3(1)4)?', () => {
  it('the hired statistics companies get cookie and beacon data as ZLink’s processors, with no agreement on record ("we will sign" is a promise)', async () => {
    const answer = await seed.person('nl-user-1', NOW);
    // A processor without an agreement on record (GDPR Art. 28(3), PIPL Art. 21) is missing
    // evidence, not a missing basis, no longer unlawful. The policy does not say where the
    // statistics companies are: with no country on record the hop cannot be assessed as a transfer
    // under GDPR or PIPL (DESTINATION-UNKNOWN), so it is UNDETERMINED (it was LAWFUL_WITH_GAPS).
    expect(hop(answer, 'analytics-to-partners')).toMatchObject({
      toKey: 'analytics-partners',
      categoryKeys: ['usage.cookies', 'usage.web_beacons'],
      verdict: 'UNDETERMINED',
      lawful: null,
    });
    expect(what(findingsOnFlow(answer.findings, 'analytics-to-partners'))).toEqual([
      ['GDPR-DESTINATION-UNKNOWN', 'analytics-to-partners', 'service-analytics'],
      ['GDPR-PROCESSOR-NO-DPA', 'analytics-to-partners', 'service-analytics'],
      ['PIPL-DESTINATION-UNKNOWN', 'analytics-to-partners', 'service-analytics'],
      ['PIPL-ENTRUSTMENT-NO-AGREEMENT', 'analytics-to-partners', 'service-analytics'],
    ]);
  });
});
