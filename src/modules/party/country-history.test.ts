import { describe, expect, it } from 'vitest';
import { ProblemList } from '../../common/errors';
import { changeCountries, countriesOn, resolveCountryHistory, validateCountryHistory, type CountryPeriod } from './country-history';

const always = (country: string): CountryPeriod => ({ country, effectiveFrom: null, effectiveTo: null });

describe('country history', () => {
  it('ends a dropped country the day before the change and opens the new one on it, keeping the past', () => {
    const history = changeCountries([always('US')], ['DE'], '2026-07-01');
    expect(history).toEqual([
      { country: 'DE', effectiveFrom: '2026-07-01', effectiveTo: null },
      { country: 'US', effectiveFrom: null, effectiveTo: '2026-06-30' },
    ]);
    expect(countriesOn(history as CountryPeriod[], '2026-03-15')).toEqual(['US']);
    expect(countriesOn(history as CountryPeriod[], '2026-07-01')).toEqual(['DE']);
  });

  it('keeps a country held on both sides running, and drops a period that never held', () => {
    const opened = [always('IE'), { country: 'US', effectiveFrom: '2026-07-01', effectiveTo: null }];
    expect(changeCountries(opened, ['IE'], '2026-07-01')).toEqual([always('IE')]);
  });

  it('refuses a change dated before the start of a period it would end', () => {
    expect(changeCountries([{ country: 'US', effectiveFrom: '2026-07-01', effectiveTo: null }], [], '2026-06-01')).toMatch(/before the period of 'US' began/);
  });

  it('holds a new party countries with no start unless a date is given, and a stored one changes from today', () => {
    const change = { from: null, today: '2026-12-02', isNew: true };
    expect(resolveCountryHistory([], ['CN'], change)).toEqual([always('CN')]);
    expect(resolveCountryHistory([], ['CN'], { ...change, from: '2024-01-01' })).toEqual([{ country: 'CN', effectiveFrom: '2024-01-01', effectiveTo: null }]);
    expect(resolveCountryHistory([], ['CN'], { ...change, isNew: false })).toEqual([{ country: 'CN', effectiveFrom: '2026-12-02', effectiveTo: null }]);
    expect(resolveCountryHistory([always('CN')], ['CN'], { ...change, isNew: false })).toEqual([always('CN')]);
  });

  it('names every bad period: date, order, overlap', () => {
    const problems = new ProblemList();
    validateCountryHistory(
      [
        { country: 'US', effectiveTo: '2026-06-30' },
        { country: 'US', effectiveFrom: '2026-06-01' },
        { country: 'DE', effectiveFrom: '2026-07-01', effectiveTo: '2026-06-01' },
        { country: 'XX', effectiveFrom: '2026-02-30' },
      ],
      'input.countryHistory',
      problems,
    );
    expect(problems.problems.map((problem) => problem.field)).toEqual([
      'input.countryHistory[1]',
      'input.countryHistory[2].effectiveTo',
      'input.countryHistory[3].country',
      'input.countryHistory[3].effectiveFrom',
    ]);
  });
});
