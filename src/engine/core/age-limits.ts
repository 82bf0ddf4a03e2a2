import { LegalBasis } from '../../domain/legal-basis';
import type { SnapshotActivity, SubjectProfile } from './inventory-snapshot';
import { holdsConsent, type PersonContext } from './person-context';

/**
 * The age limits an activity's own notice states ("our services are for adults", "without a
 * parent's consent a child under 14 may not create an account"), beside the law's digital consent
 * ages. An unknown age counts as adult here too: the map cannot check an age it was not given.
 */
type AgeLimits = Pick<SnapshotActivity, 'key' | 'minimumAge' | 'guardianConsentUnder'>;

/** Why an activity collects nothing from a person it concerns. */
export enum CollectionRefusal {
  /** The person is younger than the activity's minimum age. */
  BELOW_MINIMUM_AGE = 'BELOW_MINIMUM_AGE',
  /** The person is younger than the activity's guardian-consent age and no guardian consented to it. */
  NO_GUARDIAN_CONSENT = 'NO_GUARDIAN_CONSENT',
}

export function isBelowMinimumAge(profile: SubjectProfile, activity: AgeLimits): boolean {
  return activity.minimumAge !== null && profile.ageInYears !== null && profile.ageInYears < activity.minimumAge;
}

export function isUnderGuardianAge(profile: SubjectProfile, activity: AgeLimits): boolean {
  return activity.guardianConsentUnder !== null && profile.ageInYears !== null && profile.ageInYears < activity.guardianConsentUnder;
}

/**
 * The person as one activity sees them: below its guardian-consent age only a guardian's consent
 * counts, for the activity and its flows alike, as below the law's age.
 */
export function personForActivity(person: PersonContext, activity: AgeLimits): PersonContext {
  if (person.needsGuardianConsent || !isUnderGuardianAge(person.profile, activity)) return person;
  return { ...person, needsGuardianConsent: true };
}

/**
 * Whether the guardian consented to the activity (separately, when its basis is a separate
 * consent): what an activity with a guardian-consent age needs of a younger person whatever its
 * basis, since its notice makes the guardian's consent a condition of the service.
 */
export function holdsGuardianConsent(person: PersonContext, activity: AgeLimits & Pick<SnapshotActivity, 'id' | 'legalBasis'>): boolean {
  return holdsConsent(personForActivity(person, activity), { activityId: activity.id }, activity.legalBasis === LegalBasis.SEPARATE_CONSENT);
}

/** Why the activity refuses to collect from the person because of its age limits, or null. */
export function ageRefusal(
  person: PersonContext,
  activity: AgeLimits & Pick<SnapshotActivity, 'id' | 'legalBasis'>,
): { reason: CollectionRefusal; message: string } | null {
  const age = person.profile.ageInYears;
  if (isBelowMinimumAge(person.profile, activity)) {
    return { reason: CollectionRefusal.BELOW_MINIMUM_AGE, message: `Activity '${activity.key}' serves persons from ${activity.minimumAge}; this person is ${age}` };
  }
  if (isUnderGuardianAge(person.profile, activity) && !holdsGuardianConsent(person, activity)) {
    return {
      reason: CollectionRefusal.NO_GUARDIAN_CONSENT,
      message: `Activity '${activity.key}' needs a guardian's consent under ${activity.guardianConsentUnder}; this person, aged ${age}, holds none`,
    };
  }
  return null;
}
