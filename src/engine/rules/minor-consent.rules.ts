import { isConsentBasis } from '../../domain/legal-basis';
import { ConsentKind } from '../../domain/consent-kind';
import { isUnderConsentAge, unwithdrawnConsents } from '../core/person-context';
import { regimesOfCountry } from '../../domain/regimes';
import { Severity } from '../core/finding';
import { GDPR_FAMILY } from './gdpr-family';
import { PIPL } from './pipl-export.rules';
import { activityRegimes, isPiplChild, type PersonRuleContext } from '../core/rule-context';
import { RuleScope, VerdictEffect, type Rule } from '../core/rule-descriptor';

interface MinorConsentLaw {
  regime: string;
  id: string;
  legalReference: string;
  /** Whether the law's rules on minors govern the activity's handling of the person's data. */
  governs(context: PersonRuleContext): boolean;
}

/** GDPR Art. 8(1) and UK DPA 2018 s. 9 set the age of the member state, or the UK, where the child lives. */
function governsByResidence(regime: string): (context: PersonRuleContext) => boolean {
  return ({ person }) => regimesOfCountry(person.profile.countryOfResidence).includes(regime);
}

/**
 * PIPL's rules on minors apply wherever PIPL governs the handling: a handler in China, whatever
 * the child's residence (Art. 3(1)), or a child in China (Art. 3(2)).
 */
function piplGoverns({ index, activity, person }: PersonRuleContext): boolean {
  return activityRegimes(index, activity, person).includes(PIPL);
}

/**
 * Below the digital consent age of a regime that governs the activity, a person's own consent does
 * not count; the holder of parental responsibility must give it (GDPR Art. 8(1), with the age each
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
    check: (context) => {
      const { activity, person } = context;
      if (!isConsentBasis(activity.legalBasis)) return null;
      if (!law.governs(context)) return null;
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
  regime: PIPL,
  check: (context) => {
    const { activity, person } = context;
    if (!isConsentBasis(activity.legalBasis)) return null;
    if (!piplGoverns(context) || !isPiplChild(person)) return null;
    const byGuardian = unwithdrawnConsents(person, { activityId: activity.id }).filter((consent) => consent.givenByGuardian);
    if (byGuardian.length === 0 || byGuardian.some((consent) => consent.kind === ConsentKind.SEPARATE)) return null;
    return `A child aged ${person.profile.ageInYears} in ${person.profile.countryOfResidence}: activity '${activity.key}' holds the guardian's ordinary consent, but a child's personal information is sensitive and needs a separate consent`;
  },
};

/**
 * A child's data handled on a basis other than consent (a contract, a legal obligation...) needs
 * no guardian's consent (Art. 13 para. 2), but it is still sensitive (Art. 28): the handler must
 * have special handling rules for minors (Art. 31 para. 2), a specific purpose and strict
 * necessity (Art. 28 para. 2), tell the guardian why it is necessary (Art. 30) and assess the
 * impact first (Art. 55(1)). Flowmap cannot see those rules, so it names the duty every time.
 */
export const childOnAnotherBasis: Rule<PersonRuleContext> = {
  id: 'PIPL-CHILD-SENSITIVE-DUTIES',
  severity: Severity.MEDIUM,
  verdictEffect: VerdictEffect.GAP,
  title: 'Child’s data on a basis other than consent',
  explanation: 'An activity governed by PIPL handles the data of a child under 14 on a basis other than consent; the data is sensitive and needs special handling rules for minors and an impact assessment.',
  legalReference: 'PIPL Arts. 28, 30, 31, 55(1)',
  scope: RuleScope.PERSON,
  regime: PIPL,
  check: (context) => {
    const { activity, person } = context;
    if (isConsentBasis(activity.legalBasis) || !piplGoverns(context) || !isPiplChild(person)) return null;
    return `A child aged ${person.profile.ageInYears} in ${person.profile.countryOfResidence}: activity '${activity.key}' handles their personal information on ${activity.legalBasis}; a child's personal information is sensitive and needs special handling rules for minors and a PI protection impact assessment`;
  },
};

export const MINOR_CONSENT_RULES: readonly Rule<PersonRuleContext>[] = [
  ...GDPR_FAMILY.map((law) =>
    minorWithoutGuardianConsent({
      regime: law.regime,
      id: `${law.idPrefix}-MINOR-NO-GUARDIAN-CONSENT`,
      legalReference: law.consentAgeReference,
      governs: governsByResidence(law.regime),
    }),
  ),
  minorWithoutGuardianConsent({ regime: PIPL, id: 'PIPL-CHILD-NO-GUARDIAN-CONSENT', legalReference: 'PIPL Arts. 3, 31', governs: piplGoverns }),
  childWithoutSeparateGuardianConsent,
  childOnAnotherBasis,
];
