import isoCountries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import { countryName, isCountryCode, listCountries } from './countries';

describe('listCountries', () => {
  it('lists every alpha-2 code of i18n-iso-countries, sorted by code', () => {
    const codes = listCountries().map((country) => country.code);
    expect(codes).toEqual(Object.keys(isoCountries.getAlpha2Codes()).sort());
    expect(codes.length).toBeGreaterThanOrEqual(249);
  });

  it('gives English names', () => {
    expect(listCountries()).toContainEqual({ code: 'DE', name: 'Germany' });
    expect(listCountries()).toContainEqual({ code: 'JP', name: 'Japan' });
  });

  it('returns a fresh array each time', () => {
    listCountries().pop();
    expect(listCountries().some((country) => country.code === 'ZW')).toBe(true);
  });
});

describe('isCountryCode', () => {
  it.each(['DE', 'CN', 'HK', 'GB', 'US', 'FO'])('accepts %s', (code) => {
    expect(isCountryCode(code)).toBe(true);
  });

  it.each(['de', 'UK', 'EU', 'XX', 'DEU', '', ' DE'])('rejects %j', (code) => {
    expect(isCountryCode(code)).toBe(false);
  });
});

describe('countryName', () => {
  it('names a known country', () => {
    expect(countryName('FR')).toBe('France');
    expect(countryName('HK')).toBe('Hong Kong');
  });

  it('is undefined for an unknown code', () => {
    expect(countryName('XX')).toBeUndefined();
    expect(countryName('fr')).toBeUndefined();
  });
});
