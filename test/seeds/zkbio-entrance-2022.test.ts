import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collection,
  collectionKeys,
  findingsOf,
  findingsOnFlow,
  hop,
  hopKeys,
  recipient,
  recipientKeys,
  requiredAndOptional,
  ruleIds,
  startSeed,
  what,
  type Profile,
  type SeedApi,
} from './seed-questions';

// Xiamen ZKTeco, ZKBio Entrance web service and app, policy of August 2022 (seeds/000, examples/zkbio-entrance-2022.yaml).

const NOW = '2025-06-02T09:00:00Z';
const YESTERDAY = '2025-06-01T09:00:00Z';
const LAST_WEEK = '2025-05-26T09:00:00Z';
const LAST_YEAR = '2024-06-01T09:00:00Z';

const REQUIRED = ['account.username', 'contact.email', 'contact.phone', 'device.serial_number'];
const OPTIONAL = ['contact.address', 'media.photo', 'professional.company', 'professional.industry'];
/** What the disclosure, sharing and merger activities cover: everything the app holds (I(4)). */
const EVERYTHING = ['account', 'contact', 'device', 'location', 'media', 'professional', 'support'];

const mainlandUser = (consents: Profile['consents'] = []): Profile => ({ subjectCategories: ['app-user'], countryOfResidence: 'CN', consents });

let seed: SeedApi;

beforeAll(async () => {
  seed = await startSeed('zkbio-entrance-2022');
});
afterAll(async () => {
  await seed?.stop();
});

describe('ZKBio Entrance (Aug 2022): which categories are required, which optional, and what for?', () => {
  it('required, under the contract: user name, email, phone and device serial number, to identify the user, name the account and register devices', async () => {
    const activity = await seed.activity('account-and-device-service');
    expect(activity.legalBasis).toBe('CONTRACT');
    expect(requiredAndOptional(activity)).toEqual({ required: REQUIRED, optional: [] });
    expect(activity.purpose).toMatch(/identify the user/);
    expect(activity.purpose).toMatch(/assign an\s+account name/);
    expect(activity.purpose).toMatch(/register devices/);
  });

  it('optional, on consent: photo, address, industry and company, to improve the service; refusing them does not stop it', async () => {
    const activity = await seed.activity('optional-profile');
    expect(activity.legalBasis).toBe('CONSENT');
    expect(requiredAndOptional(activity)).toEqual({ required: [], optional: OPTIONAL });
    expect(activity.purpose).toMatch(/Improve service quality and develop new products/);
  });

  it('the live-photo and geo-location permissions: needed by the features that use them, granted by consent', async () => {
    const activity = await seed.activity('system-permissions');
    expect(activity.legalBasis).toBe('CONSENT');
    expect(requiredAndOptional(activity)).toEqual({ required: ['location.precise', 'media.live_photo'], optional: [] });
  });

  it('a user who consents to nothing gives exactly the required data, plus their support messages', async () => {
    const answer = await seed.profile(mainlandUser(), NOW);
    expect(collection(answer, 'account-and-device-service')?.categoryKeys).toEqual(REQUIRED);
    expect(collection(answer, 'customer-support')?.categoryKeys).toEqual(['support.communications']);
    // Nothing rests on consent: the two activities left are the legal disclosure and the merger, which collect nothing themselves.
    expect(collectionKeys(answer)).toEqual(['account-and-device-service', 'corporate-transaction', 'customer-support', 'legal-disclosure']);
  });
});

describe('What does withdrawing the optional-information consent stop?', () => {
  const withdrewYesterday = mainlandUser([{ activity: 'optional-profile', kind: 'ORDINARY', givenAt: LAST_YEAR, withdrawnAt: YESTERDAY }]);

  it('before the withdrawal, the optional categories were collected', async () => {
    const lastWeek = await seed.profile(withdrewYesterday, LAST_WEEK);
    expect(collection(lastWeek, 'optional-profile')?.categoryKeys).toEqual(OPTIONAL);
  });

  it('since yesterday, no optional category is collected; the required ones still are', async () => {
    const today = await seed.profile(withdrewYesterday, NOW);
    expect(collection(today, 'optional-profile')).toBeUndefined();
    expect(today.collections.flatMap((entry) => entry.categoryKeys).filter((key) => OPTIONAL.includes(key))).toEqual([]);
    expect(collection(today, 'account-and-device-service')?.categoryKeys).toEqual(REQUIRED);
  });
});

describe('Is personal information disclosed to authorities?', () => {
  it('for a mainland user: yes, everything held, to Chinese authorities, on a legal obligation, with nothing to find', async () => {
    const answer = await seed.person('cn-user-1', NOW);
    const disclosure = hop(answer, 'disclosure-to-authorities');
    expect(disclosure).toMatchObject({
      toKey: 'government-authorities',
      categoryKeys: EVERYTHING,
      legalBasis: 'LEGAL_OBLIGATION',
      fromCountries: ['CN'],
      toCountries: ['CN'],
      crossesBorder: false,
      regimes: ['PIPL'],
      lawful: true,
    });
    expect(findingsOnFlow(answer.findings, 'disclosure-to-authorities')).toEqual([]);
  });

  it('for a user in Germany: ZKTeco collects from China (not a transfer), but its disclosure to a Chinese authority is a GDPR transfer with no mechanism', async () => {
    const answer = await seed.person('de-user-1', NOW);
    expect(answer.collections.every((entry) => entry.crossBorderCollection && entry.controllerCountries.join() === 'CN')).toBe(true);
    const disclosure = hop(answer, 'disclosure-to-authorities');
    expect(disclosure).toMatchObject({ crossesBorder: false, regimes: ['GDPR', 'PIPL'], mechanism: null, lawful: false });
    expect(what(findingsOf(answer.findings, 'GDPR-TRANSFER-NO-MECHANISM'))).toEqual([
      ['GDPR-TRANSFER-NO-MECHANISM', 'disclosure-to-authorities', 'legal-disclosure'],
    ]);
    // The disclosure to China on no mechanism is a Chapter V finding (above), no longer a gap in the
    // record (Art. 30(1)(e) asks for safeguards only for Art. 49(1) second-subparagraph transfers).
    // The record, now checked (a) to (g), lacks the merger successor's country (e) and the security
    // measures of the two activities the policy's section II does not cover (g).
    expect(findingsOf(answer.findings, 'GDPR-ART30-RECORD-INCOMPLETE').map((finding) => finding.message)).toEqual([
      "The record of activity 'corporate-transaction' lacks: countries of the recipients merger-successor (e); security measures (g)",
      "The record of activity 'legal-disclosure' lacks: security measures (g)",
    ]);
  });
});

describe('Is anything shared without explicit consent?', () => {
  it('no: without consent, the data reaches only the authorities and a merger successor', async () => {
    const answer = await seed.profile(mainlandUser(), NOW);
    expect(recipientKeys(answer)).toEqual(['government-authorities', 'merger-successor']);
    expect(hopKeys(answer)).not.toContain('sharing-with-consent');
  });

  it('a consent to the sharing activity alone sends nothing: the consent-gated flow needs its own consent', async () => {
    const answer = await seed.profile(mainlandUser([{ activity: 'consented-sharing', kind: 'SEPARATE', givenAt: LAST_YEAR }]), NOW);
    expect(collection(answer, 'consented-sharing')).toBeDefined();
    expect(recipientKeys(answer)).toEqual(['government-authorities', 'merger-successor']);
  });

  it('while the stored user held a separate consent to the sharing, everything went to the recipients they consented to; after they withdrew, nothing', async () => {
    const whileConsented = await seed.person('cn-user-1', '2023-06-01T00:00:00Z');
    expect(hop(whileConsented, 'sharing-with-consent')).toMatchObject({ toKey: 'consented-recipients', categoryKeys: EVERYTHING, consentRequired: true, consentHeld: true });
    expect(recipient(whileConsented, 'consented-recipients')).toEqual({ partyKey: 'consented-recipients', kind: 'THIRD_PARTY', countries: [], categoryKeys: EVERYTHING });
    expect(findingsOnFlow(whileConsented.findings, 'sharing-with-consent')).toEqual([]);

    const afterWithdrawal = await seed.person('cn-user-1', '2024-02-01T00:00:00Z');
    expect(recipientKeys(afterWithdrawal)).toEqual(['government-authorities', 'merger-successor']);
  });

  it('"explicit" is not "separate": on an ordinary consent the sharing happens, and PIPL Art. 23 finds it lacks a separate one', async () => {
    const ordinary = mainlandUser([
      { activity: 'consented-sharing', kind: 'ORDINARY', givenAt: LAST_YEAR },
      { flow: 'sharing-with-consent', kind: 'ORDINARY', givenAt: LAST_YEAR },
    ]);
    const answer = await seed.profile(ordinary, NOW);
    expect(hop(answer, 'sharing-with-consent').lawful).toBe(false);
    expect(ruleIds(findingsOnFlow(answer.findings, 'sharing-with-consent'))).toEqual(['PIPL-PROVISION-NO-SEPARATE-CONSENT']);
  });
});

describe('What about the geo-location permission under PIPL?', () => {
  it('geo-location is whereabouts, sensitive personal information: an ordinary permission grant lacks the separate consent of Art. 29', async () => {
    const answer = await seed.person('cn-user-1', NOW);
    expect(collection(answer, 'system-permissions')?.categoryKeys).toEqual(['location.precise', 'media.live_photo']);
    expect(findingsOf(answer.findings, 'PIPL-SENSITIVE-NO-SEPARATE-CONSENT').map((finding) => finding.message)).toEqual([
      "Activity 'system-permissions' processes sensitive personal information (location.precise) without the person’s separate consent",
    ]);
  });

  it('with a separate consent to the permissions, that finding is gone', async () => {
    const answer = await seed.profile(mainlandUser([{ activity: 'system-permissions', kind: 'SEPARATE', givenAt: LAST_YEAR }]), NOW);
    expect(ruleIds(answer.findings)).not.toContain('PIPL-SENSITIVE-NO-SEPARATE-CONSENT');
  });
});

describe('A minor: only with a parent’s or guardian’s consent (IV)', () => {
  it('the stored 13-year-old whose guardian consented to the permissions: collected, with no finding about the consent', async () => {
    const answer = await seed.person('cn-minor-1', '2024-03-01T00:00:00Z');
    expect(collectionKeys(answer)).toContain('system-permissions');
    expect(collection(answer, 'optional-profile')).toBeUndefined(); // nobody consented to it
    expect(ruleIds(answer.findings)).not.toContain('PIPL-CHILD-NO-GUARDIAN-CONSENT');
  });

  it('a 12-year-old who consents alone: no optional data, no permissions, and PIPL Art. 31 reports each consent given without a guardian', async () => {
    const alone = await seed.profile(
      {
        subjectCategories: ['app-user', 'minor'],
        countryOfResidence: 'CN',
        age: 12,
        consents: [
          { activity: 'optional-profile', kind: 'ORDINARY', givenAt: LAST_YEAR },
          { activity: 'system-permissions', kind: 'ORDINARY', givenAt: LAST_YEAR },
        ],
      },
      NOW,
    );
    expect(collection(alone, 'optional-profile')).toBeUndefined();
    expect(collection(alone, 'system-permissions')).toBeUndefined();
    expect(what(findingsOf(alone.findings, 'PIPL-CHILD-NO-GUARDIAN-CONSENT'))).toEqual([
      ['PIPL-CHILD-NO-GUARDIAN-CONSENT', '', 'optional-profile'],
      ['PIPL-CHILD-NO-GUARDIAN-CONSENT', '', 'system-permissions'],
    ]);
    // The account rests on the contract, but IV makes the guardian's consent a condition of it (guardianConsentUnder,
    // under 18 by assumption): without one, no account data is collected, and the answer says why.
    expect(collection(alone, 'account-and-device-service')).toBeUndefined();
    expect(alone.refusedCollections).toEqual([
      {
        activityKey: 'account-and-device-service',
        reason: 'NO_GUARDIAN_CONSENT',
        message: "Activity 'account-and-device-service' needs a guardian's consent under 18; this person, aged 12, holds none",
      },
    ]);
  });

  it('the account needs a guardian’s consent under 18 (IV, the age an assumption); an adult’s account needs none', async () => {
    expect(await seed.activity('account-and-device-service')).toMatchObject({ minimumAge: null, guardianConsentUnder: 18 });
    const seventeen = await seed.profile({ subjectCategories: ['app-user', 'minor'], countryOfResidence: 'CN', age: 17 }, NOW);
    expect(seventeen.refusedCollections.map((refusal) => refusal.activityKey)).toEqual(['account-and-device-service']);
    const withGuardian = await seed.profile(
      {
        subjectCategories: ['app-user', 'minor'],
        countryOfResidence: 'CN',
        age: 17,
        consents: [{ activity: 'account-and-device-service', kind: 'ORDINARY', givenByGuardian: true, givenAt: LAST_YEAR }],
      },
      NOW,
    );
    expect(collection(withGuardian, 'account-and-device-service')?.categoryKeys).toEqual(REQUIRED);
    expect((await seed.profile(mainlandUser(), NOW)).refusedCollections).toEqual([]);
  });

  it('the same 12-year-old with the guardian’s consent: collected, and nothing to report about the consent', async () => {
    const withGuardian = await seed.profile(
      {
        subjectCategories: ['app-user', 'minor'],
        countryOfResidence: 'CN',
        age: 12,
        consents: [
          { activity: 'optional-profile', kind: 'ORDINARY', givenByGuardian: true, givenAt: LAST_YEAR },
          { activity: 'system-permissions', kind: 'SEPARATE', givenByGuardian: true, givenAt: LAST_YEAR },
        ],
      },
      NOW,
    );
    expect(collection(withGuardian, 'optional-profile')?.categoryKeys).toEqual(OPTIONAL);
    expect(collection(withGuardian, 'system-permissions')?.categoryKeys).toEqual(['location.precise', 'media.live_photo']);
    expect(ruleIds(withGuardian.findings)).not.toContain('PIPL-CHILD-NO-GUARDIAN-CONSENT');
    expect(ruleIds(withGuardian.findings)).not.toContain('PIPL-SENSITIVE-NO-SEPARATE-CONSENT');
  });
});

describe('Everything wrong for the stored mainland user today', () => {
  it('the merger on legitimate interests, geo-location without separate consent, no impact assessments, cookies kept for no stated time', async () => {
    const answer = await seed.person('cn-user-1', NOW);
    expect(what(answer.findings)).toEqual([
      ['ANY-NO-RETENTION', '', 'website-cookies'],
      ['PIPL-ACTIVITY-LEGITIMATE-INTERESTS', '', 'corporate-transaction'],
      ['PIPL-FLOW-LEGITIMATE-INTERESTS', 'transfer-to-merger-successor', 'corporate-transaction'],
      ['PIPL-NO-PIA', '', 'corporate-transaction'],
      ['PIPL-NO-PIA', '', 'system-permissions'],
      ['PIPL-SENSITIVE-NO-SEPARATE-CONSENT', '', 'system-permissions'],
    ]);
    expect(answer.summary.countriesReached).toEqual(['CN']);
  });
});
