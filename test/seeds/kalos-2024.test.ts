import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collection,
  collectionKeys,
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

// Beijing ZhiJian Software, KALOS Privacy Policy, updated 2024-02-01, effective 2024-03-18 (seeds/004,
// examples/kalos-2024.yaml). Precise location for navigation; third-party SDKs for statistics; data "stored within
// [the PRC's] borders", overseas "with your authorized consent" (not said to be separate); minors are under 18.

const NOW = '2025-06-02T09:00:00Z';
const LAST_YEAR = '2024-06-01T09:00:00Z';
const BEFORE_EFFECT = '2024-02-01T09:00:00Z';

const appUser = (consents: Profile['consents'] = [], country = 'CN'): Profile => ({ subjectCategories: ['app-user'], countryOfResidence: country, consents });
const navigationConsent = (kind: 'ORDINARY' | 'SEPARATE' = 'ORDINARY', givenAt = LAST_YEAR) => ({ activity: 'navigation', kind, givenAt });

let seed: SeedApi;

beforeAll(async () => {
  seed = await startSeed('kalos-2024');
});
afterAll(async () => {
  await seed?.stop();
});

describe('KALOS (effective 2024-03-18): was anything collected before the policy took effect?', () => {
  const earlyUser = appUser([navigationConsent('ORDINARY', BEFORE_EFFECT), { activity: 'usage-statistics', kind: 'ORDINARY', givenAt: BEFORE_EFFECT }]);

  it('no: on 17 March 2024 nothing is collected and nothing flows, even with consents given in February', async () => {
    const answer = await seed.profile(earlyUser, '2024-03-17T12:00:00Z');
    expect(answer.collections).toEqual([]);
    expect(answer.hops).toEqual([]);
    expect(answer.findings).toEqual([]);
  });

  it('nor does the data map hold any finding or transfer before that day', async () => {
    const data = await seed.ok<{ findings: { totalCount: number }; crossBorderTransfers: { totalCount: number } }>(
      'query($asOf: AsOf) { findings(asOf: $asOf) { totalCount } crossBorderTransfers(asOf: $asOf) { totalCount } }',
      { asOf: '2024-03-17T12:00:00Z' },
    );
    expect(data).toEqual({ findings: { totalCount: 0 }, crossBorderTransfers: { totalCount: 0 } });
  });

  it('from 18 March 2024 the same consents count', async () => {
    const answer = await seed.profile(earlyUser, '2024-03-18T12:00:00Z');
    expect(collectionKeys(answer)).toEqual(expect.arrayContaining(['navigation', 'usage-statistics']));
  });
});

describe('Is precise location treated as sensitive personal information?', () => {
  it('yes: navigation on the location permission alone (an ordinary consent) lacks the separate consent of PIPL Art. 29', async () => {
    const answer = await seed.person('cn-driver-1', NOW);
    expect(collection(answer, 'navigation')).toMatchObject({ categoryKeys: ['location.precise'], legalBasis: 'CONSENT' });
    expect(findingsOf(answer.findings, 'PIPL-SENSITIVE-NO-SEPARATE-CONSENT').map((finding) => finding.message)).toEqual([
      "Activity 'navigation' processes sensitive personal information (location.precise) without the person’s separate consent",
    ]);
  });

  it('with a separate consent it is not reported', async () => {
    const answer = await seed.profile(appUser([navigationConsent('SEPARATE')]), NOW);
    expect(collection(answer, 'navigation')).toBeDefined();
    expect(ruleIds(answer.findings)).not.toContain('PIPL-SENSITIVE-NO-SEPARATE-CONSENT');
  });

  it('for a driver in Italy too: ZhiJian processes the location in China, under PIPL', async () => {
    const answer = await seed.person('it-driver-1', NOW);
    expect(what(findingsOf(answer.findings, 'PIPL-SENSITIVE-NO-SEPARATE-CONSENT'))).toEqual([['PIPL-SENSITIVE-NO-SEPARATE-CONSENT', '', 'navigation']]);
  });
});

describe('What do the statistics SDKs receive (III(A)4)?', () => {
  it('usage and device data, on an ordinary consent: provision to another handler without the separate consent of PIPL Art. 23', async () => {
    const answer = await seed.person('cn-driver-1', NOW);
    expect(hop(answer, 'statistics-to-sdk-providers')).toMatchObject({
      toKey: 'statistics-sdk-providers',
      categoryKeys: ['device.info', 'usage.service_usage'],
      legalBasis: 'CONSENT',
      consentHeld: true,
      lawful: false,
    });
    expect(what(findingsOnFlow(answer.findings, 'statistics-to-sdk-providers'))).toEqual([
      ['PIPL-PROVISION-NO-SEPARATE-CONSENT', 'statistics-to-sdk-providers', 'usage-statistics'],
    ]);
  });

  it('"personal identity information" only with a consent to that flow: the driver gave none, so the SDKs get no user information', async () => {
    const answer = await seed.person('cn-driver-1', NOW);
    expect(hopKeys(answer)).not.toContain('identity-to-sdk-providers-with-consent');
    expect(recipient(answer, 'statistics-sdk-providers')?.categoryKeys).toEqual(['device.info', 'usage.service_usage']);
  });

  it('with that consent too, the SDKs receive the user information, again without a separate consent', async () => {
    const answer = await seed.profile(
      appUser([
        { activity: 'usage-statistics', kind: 'ORDINARY', givenAt: LAST_YEAR },
        { flow: 'identity-to-sdk-providers-with-consent', kind: 'ORDINARY', givenAt: LAST_YEAR },
      ]),
      NOW,
    );
    expect(recipient(answer, 'statistics-sdk-providers')?.categoryKeys).toEqual(['account.user_info', 'device.info', 'usage.service_usage']);
    expect(what(findingsOf(answer.findings, 'PIPL-PROVISION-NO-SEPARATE-CONSENT'))).toEqual([
      ['PIPL-PROVISION-NO-SEPARATE-CONSENT', 'identity-to-sdk-providers-with-consent', 'usage-statistics'],
      ['PIPL-PROVISION-NO-SEPARATE-CONSENT', 'statistics-to-sdk-providers', 'usage-statistics'],
    ]);
  });

  it('with separate consents, the provision to the SDKs is lawful; the confidentiality agreement is on record, and an SDK is no entrusted processor', async () => {
    const answer = await seed.profile(
      appUser([
        { activity: 'usage-statistics', kind: 'SEPARATE', givenAt: LAST_YEAR },
        { flow: 'identity-to-sdk-providers-with-consent', kind: 'SEPARATE', givenAt: LAST_YEAR },
      ]),
      NOW,
    );
    expect(hop(answer, 'statistics-to-sdk-providers').lawful).toBe(true);
    expect(hop(answer, 'identity-to-sdk-providers-with-consent').lawful).toBe(true);
    expect(findingsOnFlow(answer.findings, 'statistics-to-sdk-providers')).toEqual([]);
  });

  it('without any statistics consent, nothing goes to the SDKs', async () => {
    const answer = await seed.person('it-driver-1', NOW);
    expect(collection(answer, 'usage-statistics')).toBeUndefined();
    expect(recipient(answer, 'statistics-sdk-providers')).toBeUndefined();
  });
});

describe('Minors (under 18): only with a parent’s or guardian’s consent', () => {
  it('the 13-year-old who allowed location alone at 12: no navigation data, and PIPL Art. 31 reports the consent', async () => {
    const answer = await seed.person('cn-minor-2', NOW);
    expect(collection(answer, 'navigation')).toBeUndefined();
    expect(findingsOf(answer.findings, 'PIPL-CHILD-NO-GUARDIAN-CONSENT').map((finding) => finding.message)).toEqual([
      "A person aged 13 in CN consented to activity 'navigation' without a guardian, below the digital consent age under PIPL",
    ]);
  });

  it('the 17-year-old whose guardian gave a separate consent: navigation works, with no finding about consent', async () => {
    const answer = await seed.person('cn-minor-1', NOW);
    expect(collection(answer, 'navigation')?.categoryKeys).toEqual(['location.precise']);
    expect(ruleIds(answer.findings)).not.toContain('PIPL-CHILD-NO-GUARDIAN-CONSENT');
    expect(ruleIds(answer.findings)).not.toContain('PIPL-SENSITIVE-NO-SEPARATE-CONSENT');
  });

  it('a 12-year-old whose guardian allowed location with an ordinary consent: collected, but a child’s data is all sensitive, so the consent must be separate', async () => {
    const guardianConsent = { ...navigationConsent('ORDINARY'), givenByGuardian: true };
    const answer = await seed.profile({ ...appUser([guardianConsent]), subjectCategories: ['app-user', 'minor'], age: 12 }, NOW);
    expect(collection(answer, 'navigation')?.categoryKeys).toEqual(['location.precise']);
    expect(findingsOf(answer.findings, 'PIPL-CHILD-NO-SEPARATE-CONSENT').map((finding) => finding.message)).toEqual([
      "A child aged 12 in CN: activity 'navigation' holds the guardian's ordinary consent, but a child's personal information is sensitive and needs a separate consent",
    ]);
    expect(ruleIds(answer.findings)).not.toContain('PIPL-CHILD-NO-GUARDIAN-CONSENT');
  });

  it('a 16-year-old consenting alone is past PIPL’s age of 14, but not the policy’s 18: nothing collected, the answer says why, PIPL Art. 31 does not report it', async () => {
    const answer = await seed.profile({ ...appUser([navigationConsent('SEPARATE')]), subjectCategories: ['app-user', 'minor'], age: 16 }, NOW);
    expect(collection(answer, 'navigation')).toBeUndefined();
    expect(answer.refusedCollections.map((refusal) => [refusal.activityKey, refusal.reason])).toEqual([
      ['navigation', 'NO_GUARDIAN_CONSENT'],
      ['service-improvement', 'NO_GUARDIAN_CONSENT'],
    ]);
    expect(ruleIds(answer.findings)).not.toContain('PIPL-CHILD-NO-GUARDIAN-CONSENT');
  });

  it('the under-18 rule is an age limit on the services used through the account (an assumption: the policy names no account activity)', async () => {
    expect(await seed.activity('navigation')).toMatchObject({ guardianConsentUnder: 18, minimumAge: null });
    expect(await seed.activity('service-improvement')).toMatchObject({ guardianConsentUnder: 18 });
    // The stored 13-year-old who consented alone holds no guardian's consent to the service: reported under the policy's own rule.
    const answer = await seed.person('cn-minor-2', NOW);
    expect(findingsOf(answer.findings, 'ANY-AGE-LIMIT-NO-GUARDIAN-CONSENT').map((finding) => finding.activityKeys)).toEqual([['navigation'], ['service-improvement']]);
    expect(findingsOf((await seed.person('cn-minor-1', NOW)).findings, 'ANY-AGE-LIMIT-NO-GUARDIAN-CONSENT')).toEqual([]);
  });
});

describe('Does a mainland driver’s data stay in China?', () => {
  it('the policy names no overseas country ("where you use the product"): with consent the location reaches the overseas servers, the registry cannot say where', async () => {
    const answer = await seed.person('cn-driver-1', NOW);
    expect(recipient(answer, 'zhijian-overseas-servers')).toEqual({ partyKey: 'zhijian-overseas-servers', kind: 'AFFILIATE', countries: [], categoryKeys: ['location.precise'] });
    expect(answer.summary.countriesReached).toEqual(['CN']);
  });

  // From here on, the DPO has recorded where the overseas servers have been since the policy took effect, for a driver who uses KALOS in Singapore.
  describe('once the overseas servers are on record (Singapore)', () => {
    beforeAll(async () => {
      await seed.ok('mutation { updateParty(key: "zhijian-overseas-servers", input: { countries: ["SG"], countriesEffectiveFrom: "2024-03-18" }) { key } }');
    });

    it('without a consent to the overseas transfer: China only, and the "stored within its borders" promise holds', async () => {
      const answer = await seed.profile(appUser([navigationConsent()]), NOW);
      expect(answer.summary.countriesReached).toEqual(['CN']);
      expect(ruleIds(answer.findings)).not.toContain('ANY-LOCALISATION-BROKEN');
    });

    it('with an ordinary consent (all the policy promises) the location leaves for Singapore, and the findings say what is missing', async () => {
      const answer = await seed.person('cn-driver-1', NOW);
      expect(answer.summary.countriesReached).toEqual(['CN', 'SG']);
      expect(hop(answer, 'navigation-overseas-transfer')).toMatchObject({
        categoryKeys: ['location.precise'],
        legalBasis: 'CONSENT',
        consentHeld: true,
        toCountries: ['SG'],
        crossesBorder: true,
        regimes: ['PIPL'],
        mechanism: null,
        safeguards: ['DE_IDENTIFICATION'],
        lawful: false,
      });
      // The "stored within its borders" promise yields to the consent given: it is kept.
      expect(ruleIds(findingsOnFlow(answer.findings, 'navigation-overseas-transfer'))).toEqual([
        'PIPL-EXPORT-NO-MECHANISM', // no standard contract, certification or assessment (Art. 38)
        'PIPL-EXPORT-NO-NOTICE', // no Art. 39 notice, no recipient contact
        'PIPL-EXPORT-NO-SEPARATE-CONSENT', // Art. 39 wants a separate consent to the export
        'PIPL-PROVISION-NO-SEPARATE-CONSENT', // and Art. 23 one to giving it to another entity
        'PIPL-VOLUME-CONTRACT-REQUIRED', // sensitive PI: the volume exemption does not apply
      ]);
    });

    it('with a separate consent, only what consent cannot fix remains: the mechanism and the notice', async () => {
      const answer = await seed.profile(appUser([navigationConsent('SEPARATE'), { flow: 'navigation-overseas-transfer', kind: 'SEPARATE', givenAt: LAST_YEAR }]), NOW);
      expect(answer.summary.countriesReached).toEqual(['CN', 'SG']);
      expect(ruleIds(findingsOnFlow(answer.findings, 'navigation-overseas-transfer'))).toEqual([
        'PIPL-EXPORT-NO-MECHANISM',
        'PIPL-EXPORT-NO-NOTICE',
        'PIPL-VOLUME-CONTRACT-REQUIRED',
      ]);
    });

    it('who receives precise location, and where: authorities in China, the overseas servers in Singapore, and recipients the policy does not place', async () => {
      const { recipientsOfCategory } = await seed.ok<{ recipientsOfCategory: unknown[] }>(
        'query($asOf: AsOf) { recipientsOfCategory(category: "location.precise", asOf: $asOf) { partyKey kind countries } }',
        { asOf: NOW },
      );
      expect(recipientsOfCategory).toEqual(
        expect.arrayContaining([
          { partyKey: 'consented-recipients', kind: 'THIRD_PARTY', countries: [] },
          { partyKey: 'government-authorities', kind: 'PUBLIC_AUTHORITY', countries: ['CN'] },
          { partyKey: 'merger-successor', kind: 'THIRD_PARTY', countries: [] },
          { partyKey: 'zhijian-overseas-servers', kind: 'AFFILIATE', countries: ['SG'] },
        ]),
      );
      expect(recipientsOfCategory).toHaveLength(4);
    });

    it('across the data map, the transfers out of China are the two consent-gated ones, both unlawful', async () => {
      const { crossBorderTransfers } = await seed.ok<{ crossBorderTransfers: { nodes: unknown[] } }>(
        'query($asOf: AsOf) { crossBorderTransfers(filter: { regime: "PIPL" }, asOf: $asOf) { nodes { flowKey categoryKeys toCountries lawful } } }',
        { asOf: NOW },
      );
      expect(crossBorderTransfers.nodes).toEqual([
        { flowKey: 'navigation-overseas-transfer', categoryKeys: ['location.precise'], toCountries: ['SG'], lawful: false },
        { flowKey: 'usage-overseas-transfer', categoryKeys: ['usage.service_usage'], toCountries: ['SG'], lawful: false },
      ]);
    });

    it('a consent to navigation alone does not open the overseas transfer', async () => {
      const answer = await seed.person('it-driver-1', NOW);
      expect(hopKeys(answer)).not.toContain('navigation-overseas-transfer');
      expect(answer.summary.countriesReached).toEqual(['CN']);
    });
  });
});

describe('Who else receives data by law (III(A)2-3)?', () => {
  it('authorities in China get everything on a legal obligation; a complainant gets the account data; neither is reported for a mainland driver', async () => {
    const answer = await seed.person('cn-driver-1', NOW);
    expect(hop(answer, 'disclosure-to-authorities')).toMatchObject({ categoryKeys: ['account', 'device', 'location', 'usage'], toCountries: ['CN'], lawful: true });
    expect(hop(answer, 'disclosure-to-complainants')).toMatchObject({ categoryKeys: ['account'], lawful: true });
  });

  it('for the driver in Italy, the disclosure to a Chinese authority is a GDPR transfer with no mechanism', async () => {
    const answer = await seed.person('it-driver-1', NOW);
    expect(ruleIds(findingsOnFlow(answer.findings, 'disclosure-to-authorities'))).toEqual(['GDPR-TRANSFER-NO-MECHANISM']);
  });
});
