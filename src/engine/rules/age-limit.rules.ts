import { holdsGuardianConsent, isBelowMinimumAge, isUnderGuardianAge } from '../core/age-limits';
import { Severity } from '../core/finding';
import type { PersonRuleContext } from '../core/rule-context';
import { RuleScope, VerdictEffect, type Rule } from '../core/rule-descriptor';

/**
 * Both rules report a person the registry holds: asked about someone not stored, the engine
 * refuses to collect instead (the answer's refusedCollections), so there is nothing to report.
 * They hold the controller to its own notice: data handled against the rules it disclosed is not
 * handled openly and fairly (GDPR Art. 5(1)(a); PIPL Art. 7), and a consent given under a notice
 * that excludes the person is not given in full knowledge (PIPL Art. 14).
 */

function storedPersonName({ person }: PersonRuleContext): string {
  return `Person '${person.personId}' (aged ${person.profile.ageInYears}, in ${person.profile.countryOfResidence})`;
}

export const belowMinimumAge: Rule<PersonRuleContext> = {
  id: 'ANY-BELOW-MINIMUM-AGE',
  severity: Severity.HIGH,
  verdictEffect: VerdictEffect.UNLAWFUL,
  title: 'Person below the activity’s minimum age',
  explanation: 'A stored person is a subject of an activity whose notice serves only persons of at least its minimum age, and is younger.',
  legalReference: 'The notice on record; GDPR Art. 5(1)(a); PIPL Arts. 7, 14',
  scope: RuleScope.PERSON,
  regime: null,
  check: (context) => {
    const { activity, person } = context;
    if (person.personId === null || !isBelowMinimumAge(person.profile, activity)) return null;
    return `${storedPersonName(context)} is a subject of activity '${activity.key}', which serves persons from ${activity.minimumAge} only`;
  },
};

/**
 * Below the activity's own guardian-consent age, its notice makes a guardian's consent a
 * condition of the service, whatever the legal basis (an account on a contract included). Where
 * the age is the law's as well (PIPL Art. 31: 14; GDPR Art. 8(1)), the law's own rules report a
 * minor's own consent on a consent basis too; this one reports the notice broken.
 */
export const ageLimitWithoutGuardianConsent: Rule<PersonRuleContext> = {
  id: 'ANY-AGE-LIMIT-NO-GUARDIAN-CONSENT',
  severity: Severity.HIGH,
  verdictEffect: VerdictEffect.UNLAWFUL,
  title: 'Person below the activity’s guardian-consent age without a guardian’s consent',
  explanation: 'A stored person younger than the age under which the activity’s notice requires a guardian’s consent holds no consent of a guardian to it.',
  legalReference: 'The notice on record; GDPR Arts. 5(1)(a), 8(1); PIPL Arts. 7, 31',
  scope: RuleScope.PERSON,
  regime: null,
  check: (context) => {
    const { activity, person } = context;
    if (person.personId === null || isBelowMinimumAge(person.profile, activity) || !isUnderGuardianAge(person.profile, activity)) return null;
    if (holdsGuardianConsent(person, activity)) return null;
    return `${storedPersonName(context)} is a subject of activity '${activity.key}', which needs a guardian's consent under ${activity.guardianConsentUnder}, and holds none`;
  },
};

export const AGE_LIMIT_RULES: readonly Rule<PersonRuleContext>[] = [belowMinimumAge, ageLimitWithoutGuardianConsent];
