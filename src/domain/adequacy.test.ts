import { describe, expect, it, vi } from 'vitest';
import { adequacyDecisionFor, isAdequate, listAdequacyDecisions, type RecipientStanding } from './adequacy';
import { findRegime } from './regimes';

const NOT_CERTIFIED = { certified: false, expiredOn: null };
const IS_CERTIFIED = { certified: true, expiredOn: null };

function recipient(certified: Partial<RecipientStanding['certifications']>, commercialOrganisation: boolean): RecipientStanding {
  return {
    certifications: { SAFE_HARBOUR: NOT_CERTIFIED, PRIVACY_SHIELD: NOT_CERTIFIED, DATA_PRIVACY_FRAMEWORK: NOT_CERTIFIED, ...certified },
    commercialOrganisation,
  };
}

const ANY = recipient({}, false);
const CERTIFIED = recipient({ DATA_PRIVACY_FRAMEWORK: IS_CERTIFIED }, true);
const COMMERCIAL = recipient({}, true);
const PRIVACY_SHIELD = recipient({ PRIVACY_SHIELD: IS_CERTIFIED }, true);
const SAFE_HARBOUR = recipient({ SAFE_HARBOUR: IS_CERTIFIED }, true);

describe('listAdequacyDecisions', () => {
  it('lists the EU decisions under GDPR, sorted by country, then by day (the three US decisions in turn)', () => {
    const countries = listAdequacyDecisions('GDPR').map((decision) => decision.country);
    expect(countries).toEqual(['AD', 'AR', 'BR', 'CA', 'CH', 'FO', 'GB', 'GG', 'IL', 'IM', 'JE', 'JP', 'KR', 'NZ', 'US', 'US', 'US', 'UY']);
    const unitedStates = listAdequacyDecisions('GDPR').filter((decision) => decision.country === 'US');
    expect(unitedStates.map((decision) => [decision.decidedOn, decision.invalidatedOn, decision.scope])).toEqual([
      ['2000-07-26', '2015-10-06', 'SAFE_HARBOUR_CERTIFIED_ONLY'],
      ['2016-07-12', '2020-07-16', 'PRIVACY_SHIELD_CERTIFIED_ONLY'],
      ['2023-07-10', null, 'DPF_CERTIFIED_ONLY'],
    ]);
  });

  it('carries over the EEA, Gibraltar and the EU-adequate countries under UK GDPR from 2021-01-01', () => {
    const uk = listAdequacyDecisions('UK_GDPR');
    const carriedOver = uk.filter((decision) => decision.decidedOn === '2021-01-01').map((decision) => decision.country);
    expect(carriedOver).toEqual(expect.arrayContaining([...(findRegime('GDPR')?.countries ?? []), 'GI', 'CA', 'CH', 'JP']));
    expect(carriedOver).not.toContain('KR');
    expect(carriedOver).not.toContain('US');
    expect(uk.find((decision) => decision.country === 'KR')?.decidedOn).toBe('2022-12-19');
  });

  it('has no decisions under PIPL', () => {
    expect(listAdequacyDecisions('PIPL')).toEqual([]);
  });

  it('gives every decision an instrument and a source', () => {
    for (const decision of listAdequacyDecisions()) {
      expect(decision.instrument).not.toBe('');
      expect(decision.source).toMatch(/^https:\/\//);
    }
  });

  it('lists both regimes without a filter', () => {
    expect(listAdequacyDecisions()).toHaveLength(listAdequacyDecisions('GDPR').length + listAdequacyDecisions('UK_GDPR').length);
  });
});

describe('adequacyDecisionFor', () => {
  it('finds the decision from its first day', () => {
    expect(adequacyDecisionFor('GDPR', 'JP', '2019-01-22')).toBeNull();
    expect(adequacyDecisionFor('GDPR', 'JP', '2019-01-23')).toMatchObject({
      decidedOn: '2019-01-23',
      renewedOn: null,
      expiresOn: null,
      scope: 'FULL',
      instrument: 'Commission Implementing Decision (EU) 2019/419',
    });
  });

  it('keeps the UK decision in force without a gap across its 2025 renewal, up to its last day', () => {
    for (const day of ['2021-06-28', '2025-06-27', '2025-06-28', '2025-12-19', '2031-12-27']) {
      expect(adequacyDecisionFor('GDPR', 'GB', day)?.renewedOn).toBe('2025-12-19');
    }
    expect(adequacyDecisionFor('GDPR', 'GB', '2031-12-28')).toBeNull();
  });

  it('is null where there is no decision', () => {
    expect(adequacyDecisionFor('GDPR', 'CN', '2025-01-01')).toBeNull();
    expect(adequacyDecisionFor('PIPL', 'DE', '2025-01-01')).toBeNull();
  });

  it('rejects a malformed date', () => {
    expect(() => adequacyDecisionFor('GDPR', 'JP', '23/01/2019')).toThrow(RangeError);
    expect(() => adequacyDecisionFor('GDPR', 'JP', '2019-02-30')).toThrow(RangeError);
  });
});

describe('isAdequate', () => {
  it('treats a country inside the regime as adequate', () => {
    expect(isAdequate('GDPR', 'DE', '2020-01-01', ANY)).toEqual({ adequate: true, decision: null, reason: 'Germany is inside GDPR' });
    expect(isAdequate('UK_GDPR', 'GB', '2020-01-01', ANY).adequate).toBe(true);
  });

  it('follows Japan across 2019-01-23', () => {
    expect(isAdequate('GDPR', 'JP', '2019-01-22', ANY)).toEqual({
      adequate: false,
      decision: null,
      reason: 'Japan: no adequacy decision for GDPR before 2019-01-23',
    });
    const after = isAdequate('GDPR', 'JP', '2019-01-23', ANY);
    expect(after.adequate).toBe(true);
    expect(after.reason).toBe('Japan is adequate for GDPR since 2019-01-23 (Commission Implementing Decision (EU) 2019/419)');
  });

  it('covers the United States only for DPF-certified recipients, from 2023-07-10', () => {
    expect(isAdequate('GDPR', 'US', '2023-07-09', CERTIFIED).adequate).toBe(false);
    expect(isAdequate('GDPR', 'US', '2023-07-10', CERTIFIED).adequate).toBe(true);
    const uncertified = isAdequate('GDPR', 'US', '2024-01-01', COMMERCIAL);
    expect(uncertified.adequate).toBe(false);
    expect(uncertified.decision?.scope).toBe('DPF_CERTIFIED_ONLY');
    expect(uncertified.reason).toMatch(/only recipients certified under the Data Privacy Framework/);
  });

  it('covers Safe Harbour-certified US recipients from 2000-07-26 until the Court declared the decision invalid on 2015-10-06', () => {
    expect(isAdequate('GDPR', 'US', '2000-07-25', SAFE_HARBOUR).reason).toBe(
      'United States of America: no adequacy decision for GDPR before 2000-07-26',
    );
    expect(isAdequate('GDPR', 'US', '2010-01-01', SAFE_HARBOUR).adequate).toBe(true);
    expect(isAdequate('GDPR', 'US', '2015-10-05', SAFE_HARBOUR).adequate).toBe(true);
    expect(isAdequate('GDPR', 'US', '2015-10-06', SAFE_HARBOUR)).toEqual({
      adequate: false,
      decision: null,
      reason:
        'United States of America: Commission Decision 2000/520/EC (Safe Harbour) was declared invalid on 2015-10-06 (CJEU C-362/14 (Schrems I)), and no adequacy decision for GDPR followed before 2016-07-12',
    });
    expect(isAdequate('GDPR', 'US', '2010-01-01', PRIVACY_SHIELD).reason).toMatch(
      /2000\/520\/EC \(Safe Harbour\) covers only recipients certified under the Safe Harbour principles, and the recipient has no such certification on record/,
    );
  });

  it('covers Privacy Shield-certified US recipients from 2016-07-12 until 2020-07-16 (Schrems II), and no other recipient', () => {
    expect(isAdequate('GDPR', 'US', '2016-07-11', PRIVACY_SHIELD).adequate).toBe(false);
    const in2019 = isAdequate('GDPR', 'US', '2019-06-01', PRIVACY_SHIELD);
    expect(in2019.adequate).toBe(true);
    expect(in2019.decision?.instrument).toMatch(/2016\/1250/);
    expect(isAdequate('GDPR', 'US', '2019-06-01', SAFE_HARBOUR).adequate).toBe(false);
    expect(isAdequate('GDPR', 'US', '2019-06-01', CERTIFIED).adequate).toBe(false);
    const in2021 = isAdequate('GDPR', 'US', '2021-06-01', PRIVACY_SHIELD);
    expect(in2021.adequate).toBe(false);
    expect(in2021.reason).toMatch(/2016\/1250 \(EU-US Privacy Shield\) was declared invalid on 2020-07-16 \(CJEU C-311\/18 \(Schrems II\)\), and no adequacy decision for GDPR followed before 2023-07-10/);
  });

  it('names the day a lapsed certification expired', () => {
    const lapsed = recipient({ PRIVACY_SHIELD: { certified: false, expiredOn: '2019-03-31' } }, true);
    expect(isAdequate('GDPR', 'US', '2019-06-01', lapsed).reason).toMatch(/the recipient's certification expired on 2019-03-31$/);
  });

  it('covers the United States under UK GDPR from 2023-10-12 (UK Extension)', () => {
    expect(isAdequate('UK_GDPR', 'US', '2023-10-11', CERTIFIED).adequate).toBe(false);
    expect(isAdequate('UK_GDPR', 'US', '2023-10-12', CERTIFIED).adequate).toBe(true);
    expect(isAdequate('UK_GDPR', 'US', '2023-10-12', COMMERCIAL).adequate).toBe(false);
  });

  it('covers Canada only for commercial organisations', () => {
    expect(isAdequate('GDPR', 'CA', '2024-01-01', COMMERCIAL).adequate).toBe(true);
    const nonCommercial = isAdequate('GDPR', 'CA', '2024-01-01', ANY);
    expect(nonCommercial.adequate).toBe(false);
    expect(nonCommercial.reason).toMatch(/only commercial organisations/);
    expect(isAdequate('UK_GDPR', 'CA', '2024-01-01', ANY).adequate).toBe(false);
  });

  it('follows the United Kingdom across 2021-06-28 under GDPR', () => {
    expect(isAdequate('GDPR', 'GB', '2021-06-27', ANY).adequate).toBe(false);
    expect(isAdequate('GDPR', 'GB', '2021-06-28', ANY).adequate).toBe(true);
    expect(isAdequate('GDPR', 'GB', '2026-06-01', ANY).adequate).toBe(true);
  });

  it('reports an expired decision', () => {
    expect(isAdequate('GDPR', 'GB', '2032-01-01', ANY)).toEqual({
      adequate: false,
      decision: null,
      reason: 'United Kingdom: the adequacy decision for GDPR expired on 2031-12-27',
    });
  });

  it('follows Brazil across 2026-01-26', () => {
    expect(isAdequate('GDPR', 'BR', '2026-01-25', ANY).adequate).toBe(false);
    expect(isAdequate('GDPR', 'BR', '2026-01-26', ANY).adequate).toBe(true);
  });

  it('follows Korea under UK GDPR across 2022-12-19', () => {
    expect(isAdequate('UK_GDPR', 'KR', '2022-12-18', ANY).adequate).toBe(false);
    expect(isAdequate('UK_GDPR', 'KR', '2022-12-19', ANY).adequate).toBe(true);
  });

  it('carries the EEA over to UK GDPR from 2021-01-01', () => {
    expect(isAdequate('UK_GDPR', 'FR', '2020-12-31', ANY).adequate).toBe(false);
    expect(isAdequate('UK_GDPR', 'FR', '2021-01-01', ANY).adequate).toBe(true);
  });

  it('finds China not adequate under GDPR', () => {
    expect(isAdequate('GDPR', 'CN', '2025-01-01', CERTIFIED)).toEqual({
      adequate: false,
      decision: null,
      reason: "People's Republic of China has no adequacy decision under GDPR",
    });
  });

  it('never finds a country outside mainland China adequate under PIPL', () => {
    for (const country of ['HK', 'MO', 'TW', 'DE', 'JP', 'US']) {
      expect(isAdequate('PIPL', country, '2025-01-01', CERTIFIED).adequate).toBe(false);
    }
    expect(isAdequate('PIPL', 'CN', '2025-01-01', ANY).adequate).toBe(true);
  });

  it('rejects unknown codes and malformed dates', () => {
    expect(() => isAdequate('CCPA', 'US', '2025-01-01', ANY)).toThrow(RangeError);
    expect(() => isAdequate('GDPR', 'XX', '2025-01-01', ANY)).toThrow(RangeError);
    expect(() => isAdequate('GDPR', 'JP', '2025-1-1', ANY)).toThrow(RangeError);
  });
});

describe('load-time validation', () => {
  async function loadWith(...decisions: object[]): Promise<typeof import('./adequacy')> {
    vi.resetModules();
    vi.doMock('./adequacy-decisions.json', () => ({ default: { source: 'test', decisions } }));
    try {
      return await import('./adequacy');
    } finally {
      vi.doUnmock('./adequacy-decisions.json');
    }
  }
  const valid = {
    regime: 'GDPR',
    country: 'JP',
    decidedOn: '2019-01-23',
    scope: 'FULL',
    instrument: 'test',
    source: 'https://example.org',
  };

  it('loads a valid file', async () => {
    const adequacy = await loadWith(valid);
    expect(adequacy.listAdequacyDecisions()).toEqual([{ ...valid, renewedOn: null, expiresOn: null, invalidatedOn: null, invalidatedBy: null }]);
  });

  it.each([
    ['an unknown country', { country: 'XJ' }],
    ['a country inside the regime', { country: 'DE' }],
    ['an unknown regime', { regime: 'EU_GDPR' }],
    ['a malformed date', { decidedOn: '2019-1-23' }],
    ['an impossible date', { renewedOn: '2019-02-30' }],
    ['an expiry before the decision', { expiresOn: '2018-01-01' }],
    ['an unknown scope', { scope: 'PARTIAL' }],
  ])('rejects %s', async (_, change) => {
    await expect(loadWith({ ...valid, ...change })).rejects.toThrow(/adequacy-decisions\.json/);
  });

  it('rejects two decisions for the same regime and country that overlap', async () => {
    await expect(loadWith(valid, { ...valid, decidedOn: '2020-01-01' })).rejects.toThrow(/overlap/);
    const invalidated = { ...valid, invalidatedOn: '2020-01-01', invalidatedBy: 'a judgment' };
    await expect(loadWith(invalidated, { ...valid, decidedOn: '2019-12-31' })).rejects.toThrow(/overlap/);
  });

  it('loads a decision declared invalid followed by another from that day', async () => {
    const invalidated = { ...valid, invalidatedOn: '2020-01-01', invalidatedBy: 'a judgment' };
    const adequacy = await loadWith(invalidated, { ...valid, decidedOn: '2020-01-01' });
    expect(adequacy.listAdequacyDecisions().map((decision) => decision.decidedOn)).toEqual(['2019-01-23', '2020-01-01']);
  });

  it('rejects an invalidation without the judgment that made it', async () => {
    await expect(loadWith({ ...valid, invalidatedOn: '2020-01-01' })).rejects.toThrow(/invalidatedOn and invalidatedBy/);
  });
});
