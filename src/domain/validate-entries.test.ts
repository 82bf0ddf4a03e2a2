import { describe, expect, it } from 'vitest';
import { ConsentKind } from './consent-kind';
import { EntryRule } from './entry-problem';
import { LegalBasis } from './legal-basis';
import { PartyKind } from './party-kind';
import { validateActivity } from './validate-activity';
import { validateConsent } from './validate-consent';
import { validateFlow } from './validate-flow';
import { validateParty } from './validate-party';
import { EvidenceKind } from './evidence-kind';

const rulesAt = (problems: { field: string; rule: EntryRule }[]) => problems.map(({ field, rule }) => [field, rule]);

describe('validateParty', () => {
  const subProcessor = { key: 'backup', name: 'Backup', kind: PartyKind.SUB_PROCESSOR, countries: ['DE'], engagedBy: 'cloud' };

  it('wants a sub-processor engaged by a processor, and only a sub-processor engaged at all', () => {
    expect(validateParty(subProcessor, { kind: PartyKind.PROCESSOR })).toEqual([]);
    expect(rulesAt(validateParty(subProcessor, { kind: PartyKind.CONTROLLER }))).toEqual([['engagedBy', EntryRule.WRONG_PARTY_KIND]]);
    expect(rulesAt(validateParty(subProcessor, 'MISSING'))).toEqual([['engagedBy', EntryRule.UNKNOWN_REFERENCE]]);
    expect(validateParty(subProcessor, 'UNCHECKED')).toEqual([]);
    expect(rulesAt(validateParty({ ...subProcessor, engagedBy: null }, 'UNCHECKED'))).toEqual([['engagedBy', EntryRule.MISSING_ENGAGED_BY]]);
    expect(rulesAt(validateParty({ ...subProcessor, kind: PartyKind.PROCESSOR }, { kind: PartyKind.PROCESSOR }))).toEqual([['engagedBy', EntryRule.UNEXPECTED_ENGAGED_BY]]);
  });

  it('names each country that is none or is listed twice, and evidence that expires before it is dated', () => {
    const evidence = [{ kind: EvidenceKind.DATA_PROCESSING_AGREEMENT, datedOn: '2024-02-01', expiresOn: '2024-01-01' }];
    expect(rulesAt(validateParty({ ...subProcessor, countries: ['DE', 'XX', 'DE'], evidence }, { kind: PartyKind.PROCESSOR }))).toEqual([
      ['countries[1]', EntryRule.UNKNOWN_COUNTRY],
      ['countries[2]', EntryRule.COUNTRY_LISTED_TWICE],
      ['evidence[0].expiresOn', EntryRule.DATES_OUT_OF_ORDER],
    ]);
  });
});

describe('validateActivity', () => {
  const activity = {
    key: 'signup', name: 'Sign-up', purpose: 'accounts', controller: 'acme', legalBasis: LegalBasis.CONTRACT,
    subjectCategories: [], dataCategories: [], effectiveFrom: '2024-01-01',
  };

  it('wants a controller from our group or a joint controller', () => {
    for (const kind of [PartyKind.CONTROLLER, PartyKind.AFFILIATE, PartyKind.JOINT_CONTROLLER]) expect(validateActivity(activity, { kind })).toEqual([]);
    expect(validateActivity(activity, { kind: PartyKind.PROCESSOR })).toEqual([
      { field: 'controller', rule: EntryRule.WRONG_PARTY_KIND, message: "party 'acme' is a PROCESSOR, not one of CONTROLLER, AFFILIATE, JOINT_CONTROLLER" },
    ]);
  });

  it('refuses an exception to no localisation promise, a promise to no country, and an end before the start', () => {
    expect(rulesAt(validateActivity({ ...activity, localisedUnlessConsented: true, effectiveTo: '2023-12-31' }, { kind: PartyKind.CONTROLLER }))).toEqual([
      ['localisedUnlessConsented', EntryRule.EXCEPTION_WITHOUT_PROMISE],
      ['effectiveTo', EntryRule.DATES_OUT_OF_ORDER],
    ]);
    expect(rulesAt(validateActivity({ ...activity, localisedIn: 'XX', localisedUnlessConsented: true }, { kind: PartyKind.CONTROLLER }))).toEqual([
      ['localisedIn', EntryRule.UNKNOWN_COUNTRY],
    ]);
  });
});

describe('validateFlow', () => {
  const flow = { key: 'to-cloud', activity: 'signup', from: 'acme', to: 'cloud', dataCategories: ['contact', 'location'], countries: ['IE', 'CN'], effectiveFrom: '2024-01-01' };

  it("checks the receiver's countries and the activity's categories only where the caller knows them", () => {
    expect(validateFlow(flow, {})).toEqual([]);
    const problems = validateFlow(flow, {
      receiverCountries: { current: ['IE'], anyPeriod: new Set(['IE', 'US']) },
      isCovered: (category: string) => category !== 'location',
    });
    expect(problems).toEqual([
      { field: 'countries[1]', rule: EntryRule.COUNTRY_NOT_OF_RECEIVER, message: "'CN' is not a country of receiver 'cloud' (IE)" },
      { field: 'dataCategories[1]', rule: EntryRule.CATEGORY_NOT_COVERED, message: "'location' is not processed by activity 'signup', neither itself nor a category above it" },
    ]);
  });

  it('refuses a flow from a party to itself', () => {
    expect(rulesAt(validateFlow({ ...flow, to: 'acme' }, {}))).toEqual([['to', EntryRule.SELF_FLOW]]);
  });
});

describe('validateConsent', () => {
  const consent = { activity: 'signup', kind: ConsentKind.ORDINARY, givenAt: '2024-01-01T10:00:00+02:00' };

  it('wants exactly one target, and no withdrawal before the consent, compared as instants', () => {
    expect(validateConsent({ ...consent, withdrawnAt: '2024-01-01T08:00:00Z' })).toEqual([]);
    expect(rulesAt(validateConsent({ ...consent, withdrawnAt: '2024-01-01T07:59:59Z' }))).toEqual([['withdrawnAt', EntryRule.DATES_OUT_OF_ORDER]]);
    expect(rulesAt(validateConsent({ ...consent, flow: 'to-cloud' }))).toEqual([['', EntryRule.CONSENT_TARGET]]);
    expect(rulesAt(validateConsent({ ...consent, activity: null }))).toEqual([['', EntryRule.CONSENT_TARGET]]);
  });
});
