import { calendarDateOf } from '../../common/dates';
import { ConsentKind } from '../../domain/consent-kind';
import { digitalConsentAge, regimesOfCountry } from '../../domain/regimes';
import type { AsOf } from './as-of';
import type { ConsentRecord, SubjectProfile } from './inventory-snapshot';
import { restrictingRegimesOf } from './regime-territory';

/** What the engine and the person-level rules know of the person asked about, at the moment asked. */
export interface PersonContext {
  /** External id, when the person is stored; findings name it. */
  personId: string | null;
  profile: SubjectProfile;
  asOf: AsOf;
  /**
   * Transfer-restricting regimes of the residence: they follow the person's data wherever it goes
   * (GDPR Art. 3(2), UK GDPR Art. 3(2), PIPL Art. 3(2)).
   */
  followingRegimes: string[];
  /**
   * Below the digital consent age of a regime of the residence (GDPR Art. 8(1), UK DPA 2018 s. 9,
   * PIPL Art. 31, ...): only a consent given by a guardian counts. An unknown age counts as adult.
   */
  needsGuardianConsent: boolean;
}

/** What a consent is for: a consent to the activity, or to the flow, or (both set) to either. */
export interface ConsentTarget {
  activityId?: string;
  flowId?: string;
}

export function makePersonContext(profile: SubjectProfile, asOf: AsOf, personId: string | null): PersonContext {
  const residenceRegimes = regimesOfCountry(profile.countryOfResidence);
  return {
    personId,
    profile,
    asOf,
    followingRegimes: restrictingRegimesOf([profile.countryOfResidence]),
    needsGuardianConsent: residenceRegimes.some((regime) => isUnderConsentAge(profile, regime)),
  };
}

/** Whether the person is younger than the regime's digital consent age in their country. */
export function isUnderConsentAge(profile: SubjectProfile, regime: string): boolean {
  return profile.ageInYears !== null && profile.ageInYears < digitalConsentAge(regime, profile.countryOfResidence);
}

/** Consents for the target given by the asked moment and not withdrawn by then, whoever gave them. */
export function unwithdrawnConsents(person: PersonContext, target: ConsentTarget): ConsentRecord[] {
  const at = person.asOf.instantMs;
  return person.profile.consents.filter(
    (consent) =>
      isForTarget(consent, target) &&
      Date.parse(consent.givenAt) <= at &&
      (consent.withdrawnAt === null || Date.parse(consent.withdrawnAt) > at),
  );
}

/**
 * Whether the person holds a consent that counts for the target: unwithdrawn, of kind SEPARATE
 * when a separate consent is needed (PIPL Arts. 23, 29, 39), given by a guardian for a minor, and
 * given on or after `givenFrom` ('YYYY-MM-DD') when that is set.
 */
export function holdsConsent(person: PersonContext, target: ConsentTarget, separate: boolean, givenFrom?: string): boolean {
  return unwithdrawnConsents(person, target).some(
    (consent) =>
      (!separate || consent.kind === ConsentKind.SEPARATE) &&
      (!person.needsGuardianConsent || consent.givenByGuardian) &&
      (givenFrom === undefined || calendarDateOf(consent.givenAt) >= givenFrom),
  );
}

function isForTarget(consent: ConsentRecord, target: ConsentTarget): boolean {
  return (
    (target.activityId !== undefined && consent.activityId === target.activityId) ||
    (target.flowId !== undefined && consent.flowId === target.flowId)
  );
}
