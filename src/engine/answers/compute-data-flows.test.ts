import { describe, expect, it } from 'vitest';
import { LegalBasis } from '../../domain/legal-basis';
import { ConsentKind } from '../../domain/consent-kind';
import { EvidenceKind } from '../../domain/evidence-kind';
import { Safeguard, TransferMechanism } from '../../domain/transfer-mechanism';
import { PartyKind } from '../../domain/party-kind';
import { Severity } from '../core/finding';
import { computeDataFlows, DEFAULT_MAX_DEPTH, MAX_DEPTH } from './compute-data-flows';
import { HopVerdict } from '../core/hop-verdict';
import type { SnapshotActivity, SnapshotFlow, SnapshotParty } from '../core/inventory-snapshot';
import { indexSnapshot } from '../core/snapshot-index';
import {
  makeActivity,
  makeCategory,
  makeConsent,
  makeEvidence,
  makeFlow,
  makeParty,
  makeProfile,
  makeSnapshot,
  makeSubjectCategory,
  type FlowFields,
} from '../test-factories';

const AS_OF = '2024-06-01T12:00:00Z';
const YESTERDAY = '2024-05-31T12:00:00Z';
const TOMORROW = '2024-06-02T12:00:00Z';

const CATEGORIES = [
  makeCategory({ key: 'contact' }),
  makeCategory({ key: 'contact.email', parentId: 'contact' }),
  makeCategory({ key: 'contact.phone', parentId: 'contact' }),
  makeCategory({ key: 'device' }),
];

const contracted = [makeEvidence(EvidenceKind.DATA_PROCESSING_AGREEMENT)];
const controller = makeParty({ key: 'controller', kind: PartyKind.CONTROLLER, countries: ['DE'] });

function world(
  activities: SnapshotActivity[],
  flows: SnapshotFlow[] = [],
  parties: SnapshotParty[] = [],
) {
  return makeSnapshot({
    parties: [controller, ...parties],
    categories: CATEGORIES,
    subjectCategories: [makeSubjectCategory('employee')],
    activities,
    flows,
  });
}

const shop = makeActivity({ key: 'shop', categoryIds: ['contact'] });
const crm = makeParty({ key: 'crm', countries: ['IE'], evidence: contracted });
const toCrm = makeFlow({ key: 'f1-crm', activityId: 'shop', fromId: 'controller', toId: 'crm', categoryIds: ['contact'] });

describe('computeDataFlows: collection', () => {
  it('collects for activities in force whose subject categories include one of the person’s', () => {
    const snapshot = world([shop, makeActivity({ key: 'payroll', subjectCategoryIds: ['employee'], categoryIds: ['contact'] })]);
    const answer = computeDataFlows(snapshot, makeProfile(), { asOf: AS_OF });
    expect(answer.collections).toEqual([
      {
        activityId: 'shop',
        controllerPartyId: 'controller',
        categoryIds: ['contact'],
        legalBasis: LegalBasis.CONTRACT,
        crossBorderCollection: false,
        controllerCountries: ['DE'],
      },
    ]);
    expect(answer.partyIds).toEqual(['controller']);
    expect(answer.summary.recipients).toEqual([]);
    expect(answer.summary.countriesReached).toEqual(['DE']);
  });

  it('counts optional categories as collected too', () => {
    const activity = makeActivity({
      key: 'shop',
      categories: [
        { categoryId: 'device', required: false },
        { categoryId: 'contact', required: true },
      ],
    });
    expect(computeDataFlows(world([activity]), makeProfile(), { asOf: AS_OF }).collections[0].categoryIds).toEqual(['contact', 'device']);
  });

  it('reports a collection by a controller in none of the person’s countries as cross-border', () => {
    const answer = computeDataFlows(world([shop]), makeProfile({ countryOfResidence: 'FR' }), { asOf: AS_OF });
    expect(answer.collections[0].crossBorderCollection).toBe(true);
  });

  it('applies an activity from its first day to its last, and not outside', () => {
    const bounded = makeActivity({ key: 'shop', categoryIds: ['contact'], effectiveFrom: '2024-06-01', effectiveTo: '2024-06-30' });
    const collectedOn = (asOf: string) => computeDataFlows(world([bounded]), makeProfile(), { asOf }).collections.length;
    expect(collectedOn('2024-05-31T23:59:59Z')).toBe(0);
    expect(collectedOn('2024-06-01T00:00:00Z')).toBe(1);
    expect(collectedOn('2024-06-30T23:59:59Z')).toBe(1);
    expect(collectedOn('2024-07-01T00:00:00Z')).toBe(0);
  });

  describe('on consent', () => {
    const newsletter = makeActivity({ key: 'newsletter', legalBasis: LegalBasis.CONSENT, categoryIds: ['contact.email'] });
    const collects = (consents = [makeConsent({ activityId: 'newsletter' })], fields = {}) =>
      computeDataFlows(world([newsletter]), makeProfile({ consents, ...fields }), { asOf: AS_OF }).collections.length === 1;

    it('collects only while the person holds an unwithdrawn consent', () => {
      expect(collects([])).toBe(false);
      expect(collects()).toBe(true);
      expect(collects([makeConsent({ activityId: 'newsletter', withdrawnAt: YESTERDAY })])).toBe(false);
      expect(collects([makeConsent({ activityId: 'newsletter', withdrawnAt: TOMORROW })])).toBe(true);
      expect(collects([makeConsent({ activityId: 'newsletter', givenAt: TOMORROW })])).toBe(false);
      expect(collects([makeConsent({ activityId: 'other' })])).toBe(false);
    });

    it('compares consent times as instants, whatever their offset', () => {
      // 14:00+02:00 is 12:00Z, the very moment asked: withdrawn by then.
      expect(collects([makeConsent({ activityId: 'newsletter', withdrawnAt: '2024-06-01T14:00:00+02:00' })])).toBe(false);
      expect(collects([makeConsent({ activityId: 'newsletter', withdrawnAt: '2024-06-01T14:00:01+02:00' })])).toBe(true);
    });

    it('needs a separate consent for a SEPARATE_CONSENT activity', () => {
      const biometrics = makeActivity({ key: 'newsletter', legalBasis: LegalBasis.SEPARATE_CONSENT, categoryIds: ['contact'] });
      const collectsWith = (kind: ConsentKind) =>
        computeDataFlows(world([biometrics]), makeProfile({ consents: [makeConsent({ activityId: 'newsletter', kind })] }), {
          asOf: AS_OF,
        }).collections.length;
      expect(collectsWith(ConsentKind.ORDINARY)).toBe(0);
      expect(collectsWith(ConsentKind.SEPARATE)).toBe(1);
    });

    it('needs a guardian’s consent below the digital consent age of the residence, and treats an unknown age as adult', () => {
      const own = [makeConsent({ activityId: 'newsletter' })];
      const guardian = [makeConsent({ activityId: 'newsletter', givenByGuardian: true })];
      expect(collects(own, { ageInYears: 15 })).toBe(false); // Germany: 16
      expect(collects(guardian, { ageInYears: 15 })).toBe(true);
      expect(collects(own, { ageInYears: 16 })).toBe(true);
      expect(collects(own, { ageInYears: 15, countryOfResidence: 'FR' })).toBe(true); // France: 15
      expect(collects(own, { ageInYears: null })).toBe(true);
    });

    it('does not collect on a consent-gated basis for a person with another subject category', () => {
      expect(collects(undefined, { subjectCategoryIds: ['employee'] })).toBe(false);
    });
  });
});

describe('computeDataFlows: hops', () => {
  it('follows a flow out of the controller with the countries, regimes and basis of the hop', () => {
    const answer = computeDataFlows(world([shop], [toCrm], [crm]), makeProfile(), { asOf: AS_OF });
    expect(answer.hops).toEqual([
      {
        flowId: 'f1-crm',
        activityId: 'shop',
        fromPartyId: 'controller',
        toPartyId: 'crm',
        depth: 1,
        categoryIds: ['contact'],
        legalBasis: LegalBasis.CONTRACT,
        consentRequired: false,
        consentHeld: true,
        fromCountries: ['DE'],
        toCountries: ['IE'],
        crossesBorder: true,
        regimes: ['GDPR'],
        transferRegimes: [],
        mechanisms: [],
        mechanism: null,
        reliedOnMechanisms: [],
        mechanismTrials: [],
        safeguards: [],
        verdict: HopVerdict.LAWFUL,
        destinationVerdicts: [{ country: 'IE', verdict: HopVerdict.LAWFUL }],
        lawful: true,
        findings: [],
        reasons: [],
        notes: [],
      },
    ]);
    expect(answer.partyIds).toEqual(['controller', 'crm']);
    expect(answer.summary).toEqual({
      countriesReached: ['DE', 'IE'],
      recipients: [{ partyId: 'crm', countries: ['IE'], categoryIds: ['contact'] }],
      crossBorderHopCount: 1,
      lawfulHopCount: 1,
      lawfulWithGapsHopCount: 0,
      unlawfulHopCount: 0,
      undeterminedHopCount: 0,
    });
  });

  it('follows only flows of the same activity, in force on the day', () => {
    const other = makeActivity({ key: 'other', categoryIds: ['contact'] });
    const flows = [
      makeFlow({ key: 'f-other', activityId: 'other', fromId: 'controller', toId: 'crm', categoryIds: ['contact'], effectiveTo: '2020-01-01' }),
      makeFlow({ key: 'f-later', activityId: 'shop', fromId: 'controller', toId: 'crm', categoryIds: ['contact'], effectiveFrom: '2024-06-02' }),
      makeFlow({ key: 'f-ended', activityId: 'shop', fromId: 'controller', toId: 'crm', categoryIds: ['contact'], effectiveTo: '2024-05-31' }),
      makeFlow({ key: 'f-last-day', activityId: 'shop', fromId: 'controller', toId: 'crm', categoryIds: ['contact'], effectiveTo: '2024-06-01' }),
    ];
    const answer = computeDataFlows(world([shop, other], flows, [crm]), makeProfile(), { asOf: AS_OF });
    expect(answer.hops.map((hop) => hop.flowId)).toEqual(['f-last-day']);
  });

  it('narrows the categories hop by hop, and skips a hop that would carry nothing', () => {
    const mailer = makeParty({ key: 'mailer', kind: PartyKind.SUB_PROCESSOR, countries: ['IE'], evidence: contracted });
    const sms = makeParty({ key: 'sms', kind: PartyKind.SUB_PROCESSOR, countries: ['IE'], evidence: contracted });
    const flows = [
      toCrm,
      makeFlow({ key: 'f2-mailer', activityId: 'shop', fromId: 'crm', toId: 'mailer', categoryIds: ['contact.email', 'device'] }),
      makeFlow({ key: 'f3-sms', activityId: 'shop', fromId: 'mailer', toId: 'sms', categoryIds: ['contact.phone'] }),
    ];
    const answer = computeDataFlows(world([shop], flows, [crm, mailer, sms]), makeProfile(), { asOf: AS_OF });
    expect(answer.hops.map((hop) => [hop.flowId, hop.categoryIds])).toEqual([
      ['f1-crm', ['contact']],
      ['f2-mailer', ['contact.email']],
    ]);
    expect(answer.partyIds).toEqual(['controller', 'crm', 'mailer']);
  });

  it('carries the held descendants of a category a flow names', () => {
    const activity = makeActivity({ key: 'shop', categoryIds: ['contact.email', 'contact.phone', 'device'] });
    const answer = computeDataFlows(world([activity], [toCrm], [crm]), makeProfile(), { asOf: AS_OF });
    expect(answer.hops[0].categoryIds).toEqual(['contact.email', 'contact.phone']);
  });

  it('sends data only to the countries the flow names, and on from there', () => {
    const payments = makeParty({ key: 'payments', countries: ['IE', 'US'], evidence: contracted });
    const ledger = makeParty({ key: 'ledger', kind: PartyKind.SUB_PROCESSOR, countries: ['US'], evidence: contracted });
    const flows = [
      makeFlow({ key: 'f1-pay', activityId: 'shop', fromId: 'controller', toId: 'payments', categoryIds: ['contact'], countries: ['IE'] }),
      makeFlow({ key: 'f2-ledger', activityId: 'shop', fromId: 'payments', toId: 'ledger', categoryIds: ['contact'] }),
    ];
    const [first, second] = computeDataFlows(world([shop], flows, [payments, ledger]), makeProfile(), { asOf: AS_OF }).hops;
    expect(first.toCountries).toEqual(['IE']);
    expect(second).toMatchObject({ depth: 2, fromCountries: ['IE'], toCountries: ['US'], crossesBorder: true, transferRegimes: ['GDPR'] });
  });

  it('follows a consent-gated flow only with the person’s consent to it', () => {
    const ads = makeParty({ key: 'ads', kind: PartyKind.THIRD_PARTY, countries: ['DE'] });
    const onward = makeParty({ key: 'onward', kind: PartyKind.THIRD_PARTY, countries: ['DE'] });
    const flows = [
      makeFlow({ key: 'f-ads', activityId: 'shop', fromId: 'controller', toId: 'ads', categoryIds: ['contact'], consentRequired: true }),
      makeFlow({ key: 'f-onward', activityId: 'shop', fromId: 'ads', toId: 'onward', categoryIds: ['contact'] }),
    ];
    const snapshot = world([shop], flows, [ads, onward]);
    const hopsWith = (consents: ReturnType<typeof makeConsent>[]) =>
      computeDataFlows(snapshot, makeProfile({ consents }), { asOf: AS_OF }).hops.map((hop) => [hop.flowId, hop.consentHeld]);
    expect(hopsWith([])).toEqual([]);
    expect(hopsWith([makeConsent({ activityId: 'shop' })])).toEqual([]);
    expect(hopsWith([makeConsent({ flowId: 'f-ads', withdrawnAt: YESTERDAY })])).toEqual([]);
    expect(hopsWith([makeConsent({ flowId: 'f-ads' })])).toEqual([
      ['f-ads', true],
      ['f-onward', true],
    ]);
  });

  it('gates a flow on SEPARATE_CONSENT with a separate consent only', () => {
    const ads = makeParty({ key: 'ads', kind: PartyKind.THIRD_PARTY, countries: ['DE'] });
    const flow = makeFlow({
      key: 'f-ads',
      activityId: 'shop',
      fromId: 'controller',
      toId: 'ads',
      categoryIds: ['contact'],
      consentRequired: true,
      legalBasis: LegalBasis.SEPARATE_CONSENT,
    });
    const hopCount = (kind: ConsentKind) =>
      computeDataFlows(world([shop], [flow], [ads]), makeProfile({ consents: [makeConsent({ flowId: 'f-ads', kind })] }), { asOf: AS_OF })
        .hops.length;
    expect(hopCount(ConsentKind.ORDINARY)).toBe(0);
    expect(hopCount(ConsentKind.SEPARATE)).toBe(1);
  });

  it('records that a flow on a consent basis it does not gate lacks the person’s consent', () => {
    const ads = makeParty({ key: 'ads', kind: PartyKind.THIRD_PARTY, countries: ['DE'] });
    const flow = makeFlow({ key: 'f-ads', activityId: 'shop', fromId: 'controller', toId: 'ads', categoryIds: ['contact'], legalBasis: LegalBasis.CONSENT });
    const consentHeld = (consents: ReturnType<typeof makeConsent>[]) =>
      computeDataFlows(world([shop], [flow], [ads]), makeProfile({ consents }), { asOf: AS_OF }).hops.map((hop) => hop.consentHeld);
    expect(consentHeld([])).toEqual([false]);
    expect(consentHeld([makeConsent({ flowId: 'f-ads' })])).toEqual([true]);
  });

  it('terminates on a cycle, recording the hop back once', () => {
    const flows = [
      toCrm,
      makeFlow({ key: 'f2-back', activityId: 'shop', fromId: 'crm', toId: 'controller', categoryIds: ['contact'] }),
    ];
    const answer = computeDataFlows(world([shop], flows, [crm]), makeProfile(), { asOf: AS_OF, maxDepth: MAX_DEPTH });
    expect(answer.hops.map((hop) => [hop.flowId, hop.depth])).toEqual([
      ['f1-crm', 1],
      ['f2-back', 2],
    ]);
    expect(answer.summary.recipients.map((recipient) => recipient.partyId)).toEqual(['controller', 'crm']);
  });

  it('terminates on a self-loop', () => {
    const loop = makeFlow({ key: 'f-loop', activityId: 'shop', fromId: 'controller', toId: 'controller', categoryIds: ['contact'] });
    expect(computeDataFlows(world([shop], [loop]), makeProfile(), { asOf: AS_OF }).hops).toHaveLength(1);
  });

  describe('depth', () => {
    const chain = (length: number) => {
      const parties = Array.from({ length }, (_, i) => makeParty({ key: `p${String(i + 1).padStart(2, '0')}`, evidence: contracted }));
      const flows = parties.map((party, i) =>
        makeFlow({ key: `f${String(i + 1).padStart(2, '0')}`, activityId: 'shop', fromId: i === 0 ? 'controller' : parties[i - 1].id, toId: party.id, categoryIds: ['contact'] }),
      );
      return world([shop], flows, parties);
    };
    const depths = (length: number, maxDepth?: number) =>
      computeDataFlows(chain(length), makeProfile(), { asOf: AS_OF, maxDepth }).hops.map((hop) => hop.depth);

    it('stops at the depth asked for', () => {
      expect(depths(5, 2)).toEqual([1, 2]);
      expect(depths(5, 0)).toEqual([]);
    });

    it(`follows ${DEFAULT_MAX_DEPTH} hops by default and clamps requests to ${MAX_DEPTH}`, () => {
      expect(depths(20)).toHaveLength(DEFAULT_MAX_DEPTH);
      expect(depths(20, 1000)).toHaveLength(MAX_DEPTH);
      expect(depths(20, -3)).toEqual([]);
      expect(depths(20, Number.NaN)).toHaveLength(DEFAULT_MAX_DEPTH);
    });
  });

  it('takes flows in key order', () => {
    const parties = ['b', 'a', 'c'].map((key) => makeParty({ key, evidence: contracted }));
    const flows = ['fz-b', 'fa-a', 'fm-c'].map((key) =>
      makeFlow({ key, activityId: 'shop', fromId: 'controller', toId: key.slice(3), categoryIds: ['contact'] }),
    );
    expect(computeDataFlows(world([shop], flows, parties), makeProfile(), { asOf: AS_OF }).hops.map((hop) => hop.flowId)).toEqual([
      'fa-a',
      'fm-c',
      'fz-b',
    ]);
  });

  it('gives the same answer from a snapshot and from its index', () => {
    const snapshot = world([shop], [toCrm], [crm]);
    expect(computeDataFlows(indexSnapshot(snapshot), makeProfile(), { asOf: AS_OF })).toEqual(
      computeDataFlows(snapshot, makeProfile(), { asOf: AS_OF }),
    );
  });

  it('refuses an asOf that is not a timestamp', () => {
    expect(() => computeDataFlows(world([shop]), makeProfile(), { asOf: 'yesterday' })).toThrow(RangeError);
  });
});

describe('computeDataFlows: regimes', () => {
  const usController = makeParty({ key: 'controller', kind: PartyKind.CONTROLLER, countries: ['US'] });
  const usVendor = makeParty({ key: 'vendor', countries: ['US'], evidence: contracted });
  const toVendor = makeFlow({ key: 'f-vendor', activityId: 'shop', fromId: 'controller', toId: 'vendor', categoryIds: ['contact'] });
  const snapshot = makeSnapshot({ parties: [usController, usVendor], categories: CATEGORIES, activities: [shop], flows: [toVendor] });
  const hopFor = (countryOfResidence: string) =>
    computeDataFlows(snapshot, makeProfile({ countryOfResidence }), { asOf: AS_OF }).hops[0];

  it('lets GDPR follow the data of a person in the EEA, even between two US parties (Art. 3(2), Art. 44)', () => {
    expect(hopFor('DE')).toMatchObject({ crossesBorder: false, regimes: ['GDPR'], transferRegimes: ['GDPR'], lawful: false });
  });

  it('lets GDPR and UK GDPR follow a resident\'s data to a controller abroad only where the activity targets or monitors them (Art. 3(2))', () => {
    const notTargeting = makeActivity({ key: 'shop', categoryIds: ['contact'], targetsResidents: false });
    const notTargetingWorld = makeSnapshot({ parties: [usController, usVendor], categories: CATEGORIES, activities: [notTargeting], flows: [toVendor] });
    const answerFor = (countryOfResidence: string) => computeDataFlows(notTargetingWorld, makeProfile({ countryOfResidence }), { asOf: AS_OF });
    expect(answerFor('DE').hops[0]).toMatchObject({ regimes: [], transferRegimes: [], lawful: true });
    expect(answerFor('DE').findings.filter((finding) => finding.ruleId.startsWith('GDPR-'))).toEqual([]);
    expect(answerFor('GB').hops[0]).toMatchObject({ regimes: [], transferRegimes: [] });
    // PIPL Art. 3(2) is not recorded on the activity: PIPL follows the residence as before.
    expect(answerFor('CN').hops[0]).toMatchObject({ regimes: ['PIPL'] });
  });

  it('keeps GDPR for an EEA controller whatever the targeting: its establishment is there (Art. 3(1))', () => {
    const notTargeting = makeActivity({ key: 'shop', categoryIds: ['contact'], targetsResidents: false });
    const hop = computeDataFlows(world([notTargeting], [makeFlow({ ...toVendor, fromId: 'controller' })], [usVendor]), makeProfile({ countryOfResidence: 'US' }), {
      asOf: AS_OF,
    }).hops[0];
    expect(hop).toMatchObject({ regimes: ['GDPR'], transferRegimes: ['GDPR'] });
  });

  it('lets PIPL follow the data of a person in mainland China, and UK GDPR that of a UK resident', () => {
    expect(hopFor('CN')).toMatchObject({ regimes: ['PIPL'], transferRegimes: ['PIPL'] });
    expect(hopFor('GB')).toMatchObject({ regimes: ['UK_GDPR'], transferRegimes: ['UK_GDPR'] });
  });

  it('applies no transfer regime to a US person’s data between US parties', () => {
    expect(hopFor('US')).toMatchObject({ regimes: [], transferRegimes: [], lawful: true });
  });

  it('puts a hop out of an EEA processor under GDPR, and keeps it there down the chain', () => {
    const irish = makeParty({ key: 'irish', countries: ['IE'], evidence: contracted });
    const indian = makeParty({ key: 'indian', kind: PartyKind.SUB_PROCESSOR, countries: ['IN'], evidence: contracted });
    const singapore = makeParty({ key: 'singapore', kind: PartyKind.SUB_PROCESSOR, countries: ['SG'], evidence: contracted });
    const flows = [
      makeFlow({ key: 'f1', activityId: 'shop', fromId: 'controller', toId: 'irish', categoryIds: ['contact'] }),
      makeFlow({ key: 'f2', activityId: 'shop', fromId: 'irish', toId: 'indian', categoryIds: ['contact'], mechanism: TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES }),
      makeFlow({ key: 'f3', activityId: 'shop', fromId: 'indian', toId: 'singapore', categoryIds: ['contact'] }),
    ];
    const chain = makeSnapshot({ parties: [usController, irish, indian, singapore], categories: CATEGORIES, activities: [shop], flows });
    const hops = computeDataFlows(chain, makeProfile({ countryOfResidence: 'US' }), { asOf: AS_OF }).hops;
    expect(hops.map((hop) => [hop.flowId, hop.regimes, hop.transferRegimes])).toEqual([
      ['f1', [], []],
      ['f2', ['GDPR'], ['GDPR']],
      ['f3', ['GDPR'], ['GDPR']],
    ]);
    expect(hops[2].reasons).toEqual([expect.stringContaining('not adequate under GDPR')]);
  });
});

describe('computeDataFlows: lawfulness and findings', () => {
  const vendor = makeParty({ key: 'vendor', countries: ['US'], evidence: contracted });
  const flowWith = (fields: FlowFields) =>
    makeFlow({ key: 'f-vendor', activityId: 'shop', fromId: 'controller', toId: 'vendor', categoryIds: ['contact'], ...fields });

  it('marks a hop on which a rule fires unlawful, with the finding’s message as reason', () => {
    const answer = computeDataFlows(world([shop], [flowWith({})], [vendor]), makeProfile(), { asOf: AS_OF, personId: 'person-1' });
    expect(answer.hops[0]).toMatchObject({ verdict: HopVerdict.UNLAWFUL, lawful: false });
    expect(answer.hops[0].findings.map((finding) => finding.ruleId)).toContain('GDPR-TRANSFER-NO-MECHANISM');
    expect(answer.hops[0].reasons).toEqual(answer.findings.filter((finding) => finding.flowIds.length > 0).map((finding) => finding.message));
    expect(answer.summary.unlawfulHopCount).toBe(1);
    expect(answer.findings[0]).toMatchObject({
      ruleId: 'GDPR-TRANSFER-NO-MECHANISM',
      severity: Severity.CRITICAL,
      partyIds: ['controller', 'vendor'],
      flowIds: ['f-vendor'],
      activityIds: ['shop'],
      personIds: ['person-1'],
    });
  });

  it('judges an SCC hop without a transfer impact assessment LAWFUL_WITH_GAPS, not unlawful', () => {
    const answer = computeDataFlows(world([shop], [flowWith({ mechanism: TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES })], [vendor]), makeProfile(), { asOf: AS_OF });
    expect(answer.hops[0]).toMatchObject({ verdict: HopVerdict.LAWFUL_WITH_GAPS, lawful: true });
    expect(answer.hops[0].findings.map((finding) => finding.ruleId)).toEqual(['GDPR-TRANSFER-NO-TIA']);
    expect(answer.summary).toMatchObject({ lawfulHopCount: 0, lawfulWithGapsHopCount: 1, unlawfulHopCount: 0, undeterminedHopCount: 0 });
  });

  it('applies no rule to an anonymised hop, and notes why', () => {
    const hop = computeDataFlows(world([shop], [flowWith({ safeguards: [Safeguard.ANONYMISATION] })], [vendor]), makeProfile(), { asOf: AS_OF }).hops[0];
    expect(hop).toMatchObject({ lawful: true, reasons: [] });
    expect(hop.notes).toEqual([expect.stringContaining('Recital 26')]);
  });

  it('still applies the rules to a de-identified hop, and notes why', () => {
    const hop = computeDataFlows(world([shop], [flowWith({ safeguards: [Safeguard.DE_IDENTIFICATION] })], [vendor]), makeProfile(), { asOf: AS_OF }).hops[0];
    expect(hop.lawful).toBe(false);
    expect(hop.notes).toEqual([expect.stringContaining('Art. 73(3)')]);
  });

  it('reports each problem once, most severe first', () => {
    const unretained = makeActivity({ key: 'shop', categoryIds: ['contact'], retentionPeriod: null });
    const flows = [flowWith({}), flowWith({ key: 'f-vendor-2' })];
    const findings = computeDataFlows(world([unretained], flows, [vendor]), makeProfile(), { asOf: AS_OF }).findings;
    expect(findings.map((finding) => [finding.ruleId, finding.flowIds])).toEqual([
      ['GDPR-TRANSFER-NO-MECHANISM', ['f-vendor']],
      ['GDPR-TRANSFER-NO-MECHANISM', ['f-vendor-2']],
      ['ANY-NO-RETENTION', []],
      ['GDPR-ART30-RECORD-INCOMPLETE', []],
    ]);
  });
});
