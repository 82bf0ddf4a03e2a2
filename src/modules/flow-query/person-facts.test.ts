import { describe, expect, it } from 'vitest';
import { indexSnapshot } from '../../engine/core/snapshot-index';
import { makeActivity, makeFlow, makeParty, makeSnapshot, makeSubjectCategory } from '../../engine/test-factories';
import { personsConcerned } from '../../engine/core/export-volumes';
import { personFactsOf } from './person-facts';

const index = indexSnapshot(
  makeSnapshot({
    parties: [makeParty({ key: 'controller' }), makeParty({ key: 'crm' })],
    subjectCategories: [makeSubjectCategory('employee'), makeSubjectCategory('visitor')],
    activities: [
      makeActivity({ key: 'shop', subjectCategoryIds: ['customer'] }),
      makeActivity({ key: 'site', subjectCategoryIds: ['customer', 'visitor'] }),
      makeActivity({ key: 'payroll', subjectCategoryIds: ['employee'] }),
    ],
    flows: [
      makeFlow({ key: 'shop-crm', activityId: 'shop', fromId: 'controller', toId: 'crm' }),
      makeFlow({ key: 'site-crm', activityId: 'site', fromId: 'controller', toId: 'crm' }),
      makeFlow({ key: 'payroll-crm', activityId: 'payroll', fromId: 'controller', toId: 'crm' }),
    ],
  }),
);

describe('personFactsOf', () => {
  const facts = personFactsOf(
    index,
    [
      { subjectCategoryIds: ['customer'], persons: 5 },
      { subjectCategoryIds: ['visitor'], persons: 3 },
      { subjectCategoryIds: ['customer', 'visitor'], persons: 2 },
    ],
    [
      { subjectCategoryId: 'customer', country: 'DE' },
      { subjectCategoryId: 'visitor', country: 'CN' },
      { subjectCategoryId: 'visitor', country: 'DE' },
    ],
  );

  it("counts a person once per activity, however many of the activity's subject categories they are in", () => {
    expect(personsConcerned(index, facts.personGroups, new Set(['shop']))).toBe(7);
    expect(personsConcerned(index, facts.personGroups, new Set(['site']))).toBe(10);
  });

  it('counts a person once across activities, however many of them concern the person', () => {
    expect(personsConcerned(index, facts.personGroups, new Set(['shop', 'site']))).toBe(10);
  });

  it('counts no persons for an activity whose subject categories hold nobody', () => {
    expect(personsConcerned(index, facts.personGroups, new Set(['payroll']))).toBe(0);
    expect(facts.residencesByActivity.has('payroll')).toBe(false);
  });

  it("gives each activity the countries its subjects live in, sorted without repeats", () => {
    expect(facts.residencesByActivity.get('shop')).toEqual(['DE']);
    expect(facts.residencesByActivity.get('site')).toEqual(['CN', 'DE']);
  });
});
