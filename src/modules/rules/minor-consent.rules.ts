import { isConsentBasis } from '../activity/legal-basis';
import { ConsentKind } from '../consent/consent-kind';
import { isUnderConsentAge, unwithdrawnConsents } from '../flow-engine/person-context';
import { regimesOfCountry } from '../reference/regimes';
import { Severity } from './finding';
import { GDPR_FAMILY } from './gdpr-family';
import type { PersonRuleContext } from './rule-context';
import { RuleScope, VerdictEffect, type Rule } from './rule-descriptor';

interface MinorConsentLaw {
  regime: string;
  id: string;
  legalReference: string;
}

/**
 * Below the digital consent age of the regime of their residence, a person's own consent does not
 * count; the holder of parental responsibility must give it (GDPR Art. 8(1), with the age each
 * member state set; UK DPA 2018 s. 9: 13; PIPL Art. 31: 14). The engine then does not collect
 * the data; this rule reports the consent on record that the minor gave alone.
 */
export function minorWithoutGuardianConsent(law: MinorConsentLaw): Rule<PersonRuleContext> {
  return {
    id: law.id,
    severity: Severity.HIGH,
    verdictEffect: VerdictEffect.UNLAWFUL,
    title: 'Minor under the digital consent age without a guardian’s consent',
    explanation: 'A consent-based activity holds only the minor’s own consent, while their age requires a guardian’s.',
    legalReference: law.legalReference,
    scope: RuleScope.PERSON,
    regime: law.regime,
    check: ({ activity, person }) => {
      if (!isConsentBasis(activity.legalBasis)) return null;
      if (!regimesOfCountry(person.profile.countryOfResidence).includes(law.regime)) return null;
      if (!isUnderConsentAge(person.profile, law.regime)) return null;
      const consents = unwithdrawnConsents(person, { activityId: activity.id });
      if (consents.length === 0 || consents.some((consent) => consent.givenByGuardian)) return null;
      return `A person aged ${person.profile.ageInYears} in ${person.profile.countryOfResidence} consented to activity '${activity.key}' without a guardian, below the digital consent age under ${law.regime}`;
    },
  };
}

/**
 * All personal information of a child under 14 is sensitive (PIPL Art. 28), and processing
 * sensitive information on consent needs a separate consent (Art. 29), which for a child the
 * guardian gives (Art. 31). An ordinary consent of the guardian lets the data be collected but is
 * not enough; a child's own consent is the other rule's matter.
 */
export const childWithoutSeparateGuardianConsent: Rule<PersonRuleContext> = {
  id: 'PIPL-CHILD-NO-SEPARATE-CONSENT',
  severity: Severity.HIGH,
  verdictEffect: VerdictEffect.UNLAWFUL,
  title: 'Child’s data without the guardian’s separate consent',
  explanation: 'A consent-based activity holds only an ordinary consent of the guardian of a child under 14, whose data is all sensitive.',
  legalReference: 'PIPL Arts. 28, 29, 31',
  scope: RuleScope.PERSON,
  regime: 'PIPL',
  check: ({ activity, person }) => {
    if (!isConsentBasis(activity.legalBasis)) return null;
    if (!regimesOfCountry(person.profile.countryOfResidence).includes('PIPL')) return null;
    if (!isUnderConsentAge(person.profile, 'PIPL')) return null;
    const byGuardian = unwithdrawnConsents(person, { activityId: activity.id }).filter((consent) => consent.givenByGuardian);
    if (byGuardian.length === 0 || byGuardian.some((consent) => consent.kind === ConsentKind.SEPARATE)) return null;
    return `A child aged ${person.profile.ageInYears} in ${person.profile.countryOfResidence}: activity '${activity.key}' holds the guardian's ordinary consent, but a child's personal information is sensitive and needs a separate consent`;
  },
};

export const MINOR_CONSENT_RULES: readonly Rule<PersonRuleContext>[] = [
  ...GDPR_FAMILY.map((law) =>
    minorWithoutGuardianConsent({
      regime: law.regime,
      id: `${law.idPrefix}-MINOR-NO-GUARDIAN-CONSENT`,
      legalReference: law.consentAgeReference,
    }),
  ),
  minorWithoutGuardianConsent({ regime: 'PIPL', id: 'PIPL-CHILD-NO-GUARDIAN-CONSENT', legalReference: 'PIPL Art. 31' }),
  childWithoutSeparateGuardianConsent,
];
