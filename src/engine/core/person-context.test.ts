import { describe, expect, it } from 'vitest';
import { ConsentKind } from '../../domain/consent-kind';
import { readAsOf } from './as-of';
import { holdsConsent, makePersonContext } from './person-context';
import { makeConsent, makeProfile } from '../test-factories';

const asOf = readAsOf('2024-06-01T12:00:00Z');
const person = (fields: Parameters<typeof makeProfile>[0]) => makePersonContext(makeProfile(fields), asOf, null);

describe('makePersonContext', () => {
  it('lets the transfer-restricting regimes of the residence follow the data', () => {
    expect(person({ countryOfResidence: 'FR' }).followingRegimes).toEqual(['GDPR']);
    expect(person({ countryOfResidence: 'CN' }).followingRegimes).toEqual(['PIPL']);
    expect(person({ countryOfResidence: 'IN' }).followingRegimes).toEqual([]);
  });

  it('needs a guardian below the digital consent age of the residence', () => {
    expect(person({ countryOfResidence: 'DE', ageInYears: 15 }).needsGuardianConsent).toBe(true);
    expect(person({ countryOfResidence: 'DE', ageInYears: 16 }).needsGuardianConsent).toBe(false);
    expect(person({ countryOfResidence: 'CN', ageInYears: 13 }).needsGuardianConsent).toBe(true);
    expect(person({ countryOfResidence: 'CN', ageInYears: 14 }).needsGuardianConsent).toBe(false);
    expect(person({ countryOfResidence: 'US', ageInYears: 5 }).needsGuardianConsent).toBe(false);
    expect(person({ countryOfResidence: 'DE', ageInYears: null }).needsGuardianConsent).toBe(false);
  });
});

describe('holdsConsent', () => {
  it('matches a consent to the activity or to the flow asked', () => {
    const holder = person({ consents: [makeConsent({ flowId: 'f1' })] });
    expect(holdsConsent(holder, { activityId: 'a1', flowId: 'f1' }, false)).toBe(true);
    expect(holdsConsent(holder, { activityId: 'f1' }, false)).toBe(false);
  });

  it('counts only a separate consent where one is needed', () => {
    const holder = person({ consents: [makeConsent({ activityId: 'a1', kind: ConsentKind.SEPARATE })] });
    expect(holdsConsent(holder, { activityId: 'a1' }, true)).toBe(true);
    expect(holdsConsent(person({ consents: [makeConsent({ activityId: 'a1' })] }), { activityId: 'a1' }, true)).toBe(false);
  });

  it('counts a consent given at the moment asked, and one withdrawn only after it', () => {
    expect(holdsConsent(person({ consents: [makeConsent({ activityId: 'a1', givenAt: asOf.instant })] }), { activityId: 'a1' }, false)).toBe(true);
    expect(holdsConsent(person({ consents: [makeConsent({ activityId: 'a1', withdrawnAt: asOf.instant })] }), { activityId: 'a1' }, false)).toBe(false);
  });
});
