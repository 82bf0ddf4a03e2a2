import { describe, expect, it, vi } from 'vitest';
import { isCountryCode } from './countries';
import {
  TRANSFER_RESTRICTING_REGIMES,
  digitalConsentAge,
  findRegime,
  listRegimes,
  regimesOfCountries,
  regimesOfCountry,
} from './regimes';

const EU_MEMBER_STATES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
];

describe('listRegimes', () => {
  it('lists the regimes sorted by code, each with valid countries and an official source', () => {
    const regimes = listRegimes();
    const codes = regimes.map((regime) => regime.code);
    expect(codes).toEqual([...codes].sort());
    expect(codes).toEqual(
      expect.arrayContaining(['GDPR', 'UK_GDPR', 'PIPL', 'FADP', 'LGPD', 'APPI', 'PIPA_KR', 'PIPEDA', 'PDPA_SG', 'DPDP_IN', 'PRIVACY_ACT_AU']),
    );
    for (const regime of regimes) {
      expect(regime.countries.length).toBeGreaterThan(0);
      expect(regime.countries.every(isCountryCode)).toBe(true);
      expect(regime.source).toMatch(/^https?:\/\//);
      expect(regime.digitalConsentAge).toBeGreaterThanOrEqual(12);
    }
  });

  it('exposes no by-country consent ages on the regime itself', () => {
    expect(Object.keys(findRegime('GDPR') ?? {})).not.toContain('digitalConsentAgeByCountry');
  });

  it('hands out copies that cannot change the reference data', () => {
    findRegime('PIPL')?.countries.push('HK');
    listRegimes()[0].countries.length = 0;
    expect(findRegime('PIPL')?.countries).toEqual(['CN']);
    expect(listRegimes()[0].countries.length).toBeGreaterThan(0);
  });

  it('leaves the United States out: it has no federal regime', () => {
    expect(regimesOfCountry('US')).toEqual([]);
  });
});

describe('findRegime', () => {
  it('finds GDPR covering the EU member states and the EEA', () => {
    expect(findRegime('GDPR')?.countries).toEqual([...EU_MEMBER_STATES, 'IS', 'LI', 'NO'].sort());
  });

  it('limits PIPL to mainland China', () => {
    expect(findRegime('PIPL')?.countries).toEqual(['CN']);
  });

  it('is undefined for an unknown code', () => {
    expect(findRegime('CCPA')).toBeUndefined();
    expect(findRegime('gdpr')).toBeUndefined();
  });
});

describe('regimesOfCountry', () => {
  it('puts member states and EEA states under GDPR', () => {
    expect(regimesOfCountry('DE')).toContain('GDPR');
    expect(regimesOfCountry('NO')).toContain('GDPR');
    expect(regimesOfCountry('LI')).toContain('GDPR');
  });

  it('puts the United Kingdom under UK GDPR only', () => {
    expect(regimesOfCountry('GB')).toEqual(['UK_GDPR']);
  });

  it('puts Switzerland under FADP, not GDPR', () => {
    expect(regimesOfCountry('CH')).toEqual(['FADP']);
  });

  it('keeps Hong Kong, Macao and Taiwan out of PIPL', () => {
    expect(regimesOfCountry('CN')).toEqual(['PIPL']);
    for (const code of ['HK', 'MO', 'TW']) {
      expect(regimesOfCountry(code)).not.toContain('PIPL');
    }
  });

  it('is empty for an unknown code', () => {
    expect(regimesOfCountry('XX')).toEqual([]);
  });
});

describe('regimesOfCountries', () => {
  it('gives the sorted union without duplicates', () => {
    expect(regimesOfCountries(['FR', 'CN', 'DE', 'GB'])).toEqual(['GDPR', 'PIPL', 'UK_GDPR']);
  });

  it('accepts any iterable', () => {
    expect(regimesOfCountries(new Set(['JP', 'KR']))).toEqual(['APPI', 'PIPA_KR']);
  });

  it('is empty for no countries', () => {
    expect(regimesOfCountries([])).toEqual([]);
  });
});

describe('digitalConsentAge', () => {
  it('uses the member-state age set under GDPR Art. 8(1)', () => {
    expect(digitalConsentAge('GDPR', 'FR')).toBe(15);
    expect(digitalConsentAge('GDPR', 'ES')).toBe(14);
    expect(digitalConsentAge('GDPR', 'BE')).toBe(13);
    expect(digitalConsentAge('GDPR', 'NO')).toBe(13);
  });

  it('falls back to the regime default', () => {
    expect(digitalConsentAge('GDPR', 'DE')).toBe(16);
    expect(digitalConsentAge('GDPR', 'LU')).toBe(16);
  });

  it('knows the ages of the other regimes', () => {
    expect(digitalConsentAge('UK_GDPR', 'GB')).toBe(13);
    expect(digitalConsentAge('PIPL', 'CN')).toBe(14);
    expect(digitalConsentAge('PIPA_KR', 'KR')).toBe(14);
    expect(digitalConsentAge('DPDP_IN', 'IN')).toBe(18);
  });

  it('rejects an unknown regime', () => {
    expect(() => digitalConsentAge('CCPA', 'US')).toThrow(RangeError);
  });
});

describe('TRANSFER_RESTRICTING_REGIMES', () => {
  it('names known regimes', () => {
    expect(TRANSFER_RESTRICTING_REGIMES).toEqual(['GDPR', 'UK_GDPR', 'PIPL']);
    expect(TRANSFER_RESTRICTING_REGIMES.every((code) => findRegime(code) !== undefined)).toBe(true);
  });
});

describe('load-time validation', () => {
  async function loadWith(...regimes: object[]): Promise<typeof import('./regimes')> {
    vi.resetModules();
    vi.doMock('./regimes.data.json', () => ({ default: regimes }));
    try {
      return await import('./regimes');
    } finally {
      vi.doUnmock('./regimes.data.json');
    }
  }
  const regime = (code: string, countries: string[], digitalConsentAgeByCountry?: Record<string, number>) => ({
    code,
    name: code,
    description: 'test',
    legalReference: 'test',
    countries,
    digitalConsentAge: 16,
    digitalConsentAgeByCountry,
    source: 'https://example.org',
  });
  const restricting = [regime('GDPR', ['DE', 'FR']), regime('UK_GDPR', ['GB']), regime('PIPL', ['CN'])];

  it('loads a valid file', async () => {
    const regimes = await loadWith(...restricting);
    expect(regimes.listRegimes().map((loaded) => loaded.code)).toEqual(['GDPR', 'PIPL', 'UK_GDPR']);
  });

  it('rejects an unknown country code', async () => {
    await expect(loadWith(...restricting, regime('OOPS', ['UK']))).rejects.toThrow(/OOPS: unknown country codes UK/);
  });

  it('rejects a consent age for a country outside the regime', async () => {
    await expect(loadWith(...restricting, regime('OOPS', ['DE'], { AT: 14 }))).rejects.toThrow(/outside the regime: AT/);
  });

  it('rejects a duplicated or missing regime', async () => {
    await expect(loadWith(...restricting, regime('PIPL', ['CN']))).rejects.toThrow(/duplicated regimes \[PIPL\]/);
    await expect(loadWith(regime('GDPR', ['DE']))).rejects.toThrow(/missing regimes \[UK_GDPR, PIPL\]/);
  });
});
