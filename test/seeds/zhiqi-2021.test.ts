import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collection,
  collectionKeys,
  findingsOf,
  findingsOnActivity,
  findingsOnFlow,
  hop,
  hopKeys,
  ruleIds,
  startSeed,
  what,
  type Profile,
  type SeedApi,
} from './seed-questions';

// Zhejiang Zhiqi Electronic Technology, Personal Information Protection Policy of July 2021 (seeds/002,
// examples/zhiqi-2021.yaml). Section 3 shares inquiries with the group and, for EU persons' data, names EU standard
// contractual clauses, consent, or anonymisation before the transfer. The example records the group in CN.

const NOW = '2025-06-02T09:00:00Z';
const LAST_YEAR = '2024-06-01T09:00:00Z';

const LEGITIMATE_INTEREST_ACTIVITIES = ['research-and-marketing', 'safety-inspections-and-recalls', 'security-and-internal-management'];
const INQUIRY = ['contact.address', 'contact.email', 'contact.phone', 'identity.name', 'professional.company', 'professional.job_title', 'support.communications'];

const customerIn = (countryOfResidence: string, consents: Profile['consents'] = []): Profile => ({ subjectCategories: ['customer'], countryOfResidence, consents });

let seed: SeedApi;

beforeAll(async () => {
  seed = await startSeed('zhiqi-2021');
});
afterAll(async () => {
  await seed?.stop();
});

describe('Zhiqi (Jul 2021): what does relying on legitimate interests mean for a customer in mainland China?', () => {
  it('the activities on legitimate interests still collect, but PIPL Art. 13 knows no such basis: one finding per activity', async () => {
    const answer = await seed.profile(customerIn('CN'), NOW);
    expect(collectionKeys(answer)).toEqual(expect.arrayContaining(LEGITIMATE_INTEREST_ACTIVITIES));
    expect(what(findingsOf(answer.findings, 'PIPL-ACTIVITY-LEGITIMATE-INTERESTS'))).toEqual(
      LEGITIMATE_INTEREST_ACTIVITIES.map((activity) => ['PIPL-ACTIVITY-LEGITIMATE-INTERESTS', '', activity]),
    );
  });

  it('the stored business contact: the two of those activities that concern business contacts', async () => {
    const answer = await seed.person('cn-business-contact-1', NOW);
    expect(findingsOf(answer.findings, 'PIPL-ACTIVITY-LEGITIMATE-INTERESTS').map((finding) => finding.activityKeys[0])).toEqual([
      'research-and-marketing',
      'security-and-internal-management',
    ]);
  });

  it('no flow variant: the one flow on legitimate interests carries anonymised data only, which is no personal information', async () => {
    const answer = await seed.profile(customerIn('CN'), NOW);
    expect(hop(answer, 'research-to-group-anonymised')).toMatchObject({ legalBasis: 'LEGITIMATE_INTERESTS', safeguards: ['ANONYMISATION'], lawful: true });
    expect(findingsOf(answer.findings, 'PIPL-FLOW-LEGITIMATE-INTERESTS')).toEqual([]);
  });
});

describe('And for a customer in Ireland?', () => {
  // The one GDPR finding on these activities is about the record, not the basis: the policy gives
  // no contact for the controller (Art. 30(1)(a)), so every activity's record lacks it.
  it('GDPR Art. 6(1)(f) accepts legitimate interests: no GDPR finding on those activities but the record\'s missing contact', async () => {
    const answer = await seed.person('ie-customer-1', NOW);
    const onLegitimateInterests = LEGITIMATE_INTEREST_ACTIVITIES.flatMap((activity) => findingsOnActivity(answer.findings, activity));
    const aboutTheBasis = onLegitimateInterests.filter((finding) => finding.ruleId.startsWith('GDPR-') && finding.ruleId !== 'GDPR-ART30-RECORD-INCOMPLETE');
    expect(aboutTheBasis).toEqual([]);
  });

  it('but Zhiqi processes in China, so PIPL governs its processing whoever the person is (Art. 3(1)): the same three findings', async () => {
    const answer = await seed.person('ie-customer-1', NOW);
    expect(findingsOf(answer.findings, 'PIPL-ACTIVITY-LEGITIMATE-INTERESTS').map((finding) => finding.activityKeys[0])).toEqual(
      LEGITIMATE_INTEREST_ACTIVITIES,
    );
  });
});

describe('Do the SCC transfers to the group have a transfer impact assessment?', () => {
  it('for the Irish customer, inquiries go to the group in China on SCCs with no TIA on record (Schrems II): GDPR-TRANSFER-NO-TIA, and only the Art. 23 notice beside it', async () => {
    const answer = await seed.person('ie-customer-1', NOW);
    expect(hop(answer, 'inquiries-to-group-scc')).toMatchObject({
      toKey: 'zhiqi-group',
      categoryKeys: INQUIRY,
      toCountries: ['CN'],
      regimes: ['GDPR', 'PIPL'],
      mechanism: 'STANDARD_CONTRACTUAL_CLAUSES',
      // The SCCs are a valid mechanism; the missing TIA is missing evidence: LAWFUL_WITH_GAPS (and
      // so lawful), no longer an unlawful hop.
      verdict: 'LAWFUL_WITH_GAPS',
      lawful: true,
    });
    // Under PIPL the group is another handler in China, with no contact on record for the Art. 23
    // notice: a second gap (PIPL-PROVISION-NO-NOTICE, new).
    expect(findingsOnFlow(answer.findings, 'inquiries-to-group-scc')).toMatchObject([
      {
        ruleId: 'GDPR-TRANSFER-NO-TIA',
        severity: 'MEDIUM',
        message: "flow 'inquiries-to-group-scc' (zhiqi → zhiqi-group) transfers data to CN on STANDARD_CONTRACTUAL_CLAUSES with no transfer impact assessment on record",
      },
      { ruleId: 'PIPL-PROVISION-NO-NOTICE', severity: 'MEDIUM' },
    ]);
  });

  it('with a TIA on record the SCC transfer needs only the group’s contact for the Art. 23 notice', async () => {
    await seed.ok('mutation { updateFlow(key: "inquiries-to-group-scc", input: { evidence: [{ kind: TRANSFER_IMPACT_ASSESSMENT, datedOn: "2024-01-15", reference: "TIA-CN-1" }] }) { key } }');
    try {
      const answer = await seed.person('ie-customer-1', NOW);
      expect(hop(answer, 'inquiries-to-group-scc').lawful).toBe(true);
      expect(ruleIds(findingsOnFlow(answer.findings, 'inquiries-to-group-scc'))).toEqual(['PIPL-PROVISION-NO-NOTICE']);
    } finally {
      await seed.ok('mutation { updateFlow(key: "inquiries-to-group-scc", input: { evidence: [] }) { key } }');
    }
  });

  it('for a customer in China the same flow is no transfer at all: it stays in China', async () => {
    const answer = await seed.profile(customerIn('CN'), NOW);
    expect(hop(answer, 'inquiries-to-group-scc')).toMatchObject({ regimes: ['PIPL'], crossesBorder: false, lawful: true });
  });
});

describe('What about the consent variant (Art. 49(1)(a)) of the group sharing?', () => {
  it('without the consent to it, that flow does not happen: the SCC flow carries the inquiry', async () => {
    const answer = await seed.profile(customerIn('IE'), NOW);
    expect(hopKeys(answer)).toContain('inquiries-to-group-scc');
    expect(hopKeys(answer)).not.toContain('inquiries-to-group-with-consent');
  });

  // Explicit consent (Art. 49(1)(a)) is not among the derogations recital 111 limits to occasional
  // transfers ((b), (c), (e)); a continuous flow on it is only advised against (EDPB Guidelines
  // 2/2018), so the finding is now CONSENT-DEROGATION-CONTINUOUS (LOW, advisory), no longer the
  // HIGH DEROGATION-CONTINUOUS. The hop stays unlawful here because of PIPL's missing separate consent.
  it('with it, the group sharing is continuous, which explicit consent is advised against; and PIPL wants a separate consent to give data to the group', async () => {
    const answer = await seed.person('ie-customer-1', NOW);
    expect(hop(answer, 'inquiries-to-group-with-consent')).toMatchObject({
      mechanism: 'EXPLICIT_CONSENT_DEROGATION',
      consentRequired: true,
      consentHeld: true,
      toCountries: ['CN'],
      lawful: false,
    });
    expect(what(findingsOnFlow(answer.findings, 'inquiries-to-group-with-consent'))).toEqual([
      ['GDPR-CONSENT-DEROGATION-CONTINUOUS', 'inquiries-to-group-with-consent', 'service-requests'],
      ['PIPL-PROVISION-NO-NOTICE', 'inquiries-to-group-with-consent', 'service-requests'],
      ['PIPL-PROVISION-NO-SEPARATE-CONSENT', 'inquiries-to-group-with-consent', 'service-requests'],
    ]);
  });

  it('an occasional transfer on the same consent would be covered by the derogation', async () => {
    await seed.ok('mutation { updateFlow(key: "inquiries-to-group-with-consent", input: { continuous: false }) { key } }');
    try {
      const answer = await seed.person('ie-customer-1', NOW);
      expect(ruleIds(findingsOnFlow(answer.findings, 'inquiries-to-group-with-consent'))).toEqual(['PIPL-PROVISION-NO-NOTICE', 'PIPL-PROVISION-NO-SEPARATE-CONSENT']);
    } finally {
      await seed.ok('mutation { updateFlow(key: "inquiries-to-group-with-consent", input: { continuous: true }) { key } }');
    }
  });
});

describe('Do anonymised transfers raise any finding?', () => {
  it('no: the anonymised research data reaches the group in China under GDPR, lawful, with no finding on the flow or on the record', async () => {
    const answer = await seed.person('ie-customer-1', NOW);
    expect(hop(answer, 'research-to-group-anonymised')).toMatchObject({
      categoryKeys: ['transaction.sales', 'usage.service_usage'],
      toCountries: ['CN'],
      regimes: ['GDPR', 'PIPL'],
      mechanism: null,
      safeguards: ['ANONYMISATION'],
      lawful: true,
      reasons: [],
    });
    expect(findingsOnFlow(answer.findings, 'research-to-group-anonymised')).toEqual([]);
    // The record's one gap is the controller's contact, which the policy does not give (Art. 30(1)(a)).
    expect(ruleIds(findingsOnActivity(answer.findings, 'research-and-marketing'))).toEqual(['GDPR-ART30-RECORD-INCOMPLETE', 'PIPL-ACTIVITY-LEGITIMATE-INTERESTS']);
  });

  it('the same for a website visitor in Germany, whose only group flow is the anonymised one', async () => {
    const answer = await seed.person('de-visitor-1', NOW);
    expect(hopKeys(answer)).toEqual(['disclosure-to-authorities', 'research-to-group-anonymised']);
    expect(ruleIds(answer.findings).filter((id) => id.includes('TRANSFER') || id.includes('DEROGATION'))).toEqual([]);
  });
});

describe('Everything wrong for the Irish customer today', () => {
  it('exactly these findings', async () => {
    const answer = await seed.person('ie-customer-1', NOW);
    // The consent-based group sharing is advised against (LOW), no longer HIGH: see the consent variant above.
    // Every activity's record lacks the controller's contact, which the policy does not give (Art. 30(1)(a)).
    // The policy names no country for the authorities, the persons protected, the authorised partners
    // and the service providers: each of those four hops is DESTINATION-UNKNOWN under both regimes that
    // follow the data (GDPR for the Irish customer, PIPL for the Chinese group), 8 findings that used to
    // be silent (the hops were counted in no country, as if nothing left).
    // The group, the partners and the persons protected are other handlers with no contact on record:
    // the Art. 23 notice cannot have named it (PIPL-PROVISION-NO-NOTICE, 4 findings, new).
    expect(what(answer.findings)).toEqual([
      ['GDPR-ART30-RECORD-INCOMPLETE', '', 'error-troubleshooting'],
      ['GDPR-ART30-RECORD-INCOMPLETE', '', 'legal-compliance'],
      ['GDPR-ART30-RECORD-INCOMPLETE', '', 'marketing-information'],
      ['GDPR-ART30-RECORD-INCOMPLETE', '', 'research-and-marketing'],
      ['GDPR-ART30-RECORD-INCOMPLETE', '', 'safety-inspections-and-recalls'],
      ['GDPR-ART30-RECORD-INCOMPLETE', '', 'security-and-internal-management'],
      ['GDPR-ART30-RECORD-INCOMPLETE', '', 'service-requests'],
      ['GDPR-ART30-RECORD-INCOMPLETE', '', 'vital-interests-disclosure'],
      ['GDPR-CONSENT-DEROGATION-CONTINUOUS', 'inquiries-to-group-with-consent', 'service-requests'],
      ['GDPR-DESTINATION-UNKNOWN', 'disclosure-to-authorities', 'legal-compliance'],
      ['GDPR-DESTINATION-UNKNOWN', 'disclosure-to-protect-life', 'vital-interests-disclosure'],
      ['GDPR-DESTINATION-UNKNOWN', 'services-to-authorised-partners', 'service-requests'],
      ['GDPR-DESTINATION-UNKNOWN', 'services-to-service-providers', 'service-requests'],
      ['GDPR-PROCESSOR-NO-DPA', 'services-to-service-providers', 'service-requests'],
      ['GDPR-TRANSFER-NO-TIA', 'inquiries-to-group-scc', 'service-requests'],
      ['PIPL-ACTIVITY-LEGITIMATE-INTERESTS', '', 'research-and-marketing'],
      ['PIPL-ACTIVITY-LEGITIMATE-INTERESTS', '', 'safety-inspections-and-recalls'],
      ['PIPL-ACTIVITY-LEGITIMATE-INTERESTS', '', 'security-and-internal-management'],
      ['PIPL-DESTINATION-UNKNOWN', 'disclosure-to-authorities', 'legal-compliance'],
      ['PIPL-DESTINATION-UNKNOWN', 'disclosure-to-protect-life', 'vital-interests-disclosure'],
      ['PIPL-DESTINATION-UNKNOWN', 'services-to-authorised-partners', 'service-requests'],
      ['PIPL-DESTINATION-UNKNOWN', 'services-to-service-providers', 'service-requests'],
      ['PIPL-ENTRUSTMENT-NO-AGREEMENT', 'services-to-service-providers', 'service-requests'],
      ['PIPL-NO-PIA', '', 'service-requests'],
      ['PIPL-NO-PIA', '', 'vital-interests-disclosure'],
      ['PIPL-PROVISION-NECESSITY-UNRECORDED', '', 'service-requests'],
      ['PIPL-PROVISION-NECESSITY-UNRECORDED', '', 'vital-interests-disclosure'],
      ['PIPL-PROVISION-NO-NOTICE', 'disclosure-to-protect-life', 'vital-interests-disclosure'],
      ['PIPL-PROVISION-NO-NOTICE', 'inquiries-to-group-scc', 'service-requests'],
      ['PIPL-PROVISION-NO-NOTICE', 'inquiries-to-group-with-consent', 'service-requests'],
      ['PIPL-PROVISION-NO-NOTICE', 'services-to-authorised-partners', 'service-requests'],
      ['PIPL-PROVISION-NO-SEPARATE-CONSENT', 'inquiries-to-group-with-consent', 'service-requests'],
    ]);
  });

  // The policy gives the group and its partners the data "to perform the contract" and discloses
  // it to protect life, without consent: PIPL Art. 13(1)(2) and (4) hold only where that is
  // necessary, which the policy does not say, so each activity is asked to record why.
  it('asks why the provisions to other handlers without consent are necessary', async () => {
    const answer = await seed.person('ie-customer-1', NOW);
    expect(findingsOf(answer.findings, 'PIPL-PROVISION-NECESSITY-UNRECORDED').map((finding) => finding.message)).toEqual([
      expect.stringMatching(/^Activity 'service-requests' provides personal information to other handlers without consent on flows .*'inquiries-to-group-scc' \(CONTRACT\)/),
      expect.stringMatching(/^Activity 'vital-interests-disclosure' provides personal information to other handlers without consent on flows/),
    ]);
  });
});

describe('Minors (under 18, section 6) and withdrawn consents', () => {
  it('a 12-year-old in China asking alone for marketing information gets none, and PIPL Art. 31 reports the consent', async () => {
    const answer = await seed.profile(
      { subjectCategories: ['customer', 'minor'], countryOfResidence: 'CN', age: 12, consents: [{ activity: 'marketing-information', kind: 'ORDINARY', givenAt: LAST_YEAR }] },
      NOW,
    );
    expect(collection(answer, 'marketing-information')).toBeUndefined();
    expect(what(findingsOf(answer.findings, 'PIPL-CHILD-NO-GUARDIAN-CONSENT'))).toEqual([['PIPL-CHILD-NO-GUARDIAN-CONSENT', '', 'marketing-information']]);
  });

  it('the business contact who withdrew the marketing consent in August 2022 has received none since', async () => {
    expect(collectionKeys(await seed.person('cn-business-contact-1', '2022-06-01T00:00:00Z'))).toContain('marketing-information');
    expect(collectionKeys(await seed.person('cn-business-contact-1', NOW))).not.toContain('marketing-information');
  });
});
