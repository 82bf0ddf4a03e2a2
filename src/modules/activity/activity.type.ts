import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../common/pagination';
import { RegistryItem } from '../registry/registry.type';
import { LocalDate } from '../../common/scalars';
import { DataCategory } from '../data-category/data-category.type';
import { LegalBasis } from '../../domain/legal-basis';
import { AutomatedDecisions } from './automated-decisions';

registerEnumType(LegalBasis, {
  name: 'LegalBasis',
  description: 'A lawful basis for processing (GDPR Art. 6(1), PIPL Art. 13).',
  valuesConfig: {
    CONSENT: { description: 'The person consented (GDPR Art. 6(1)(a), PIPL Art. 13(1)).' },
    SEPARATE_CONSENT: { description: 'A consent given separately for this processing (PIPL Arts. 23, 29, 39).' },
    CONTRACT: { description: 'Necessary for a contract with the person (GDPR Art. 6(1)(b), PIPL Art. 13(2)).' },
    LEGAL_OBLIGATION: { description: 'Required by law (GDPR Art. 6(1)(c), PIPL Art. 13(3)).' },
    VITAL_INTERESTS: { description: 'To protect life or health (GDPR Art. 6(1)(d), PIPL Art. 13(4)).' },
    PUBLIC_TASK: { description: 'A task in the public interest (GDPR Art. 6(1)(e), PIPL Art. 13(5)).' },
    LEGITIMATE_INTERESTS: { description: 'Our legitimate interests (GDPR Art. 6(1)(f)); unknown to PIPL.' },
    PUBLICLY_DISCLOSED: { description: 'Information already lawfully public (PIPL Art. 13(6)).' },
  },
});

registerEnumType(AutomatedDecisions, {
  name: 'AutomatedDecisions',
  description: 'Whether an activity decides about persons by automated means, and how much the decisions weigh (PIPL Art. 24; GDPR Art. 22).',
  valuesConfig: {
    NONE: { description: 'No automated decision-making.' },
    AUTOMATED: { description: 'It uses personal information for automated decision-making (PIPL Art. 24(1)): transparent, fair decisions, and an impact assessment first (Art. 55(2)).' },
    SIGNIFICANT: {
      description:
        'Its decisions are made solely by automated means and produce legal or similarly significant effects (GDPR Art. 22(1); PIPL Art. 24(3)): an Art. 22(2) exception, human review and a DPIA (GDPR Art. 35(3)(a)) are needed.',
    },
  },
});

@ObjectType({ description: 'How long data of an activity is kept: a duration, an event, or both.' })
export class Retention {
  @Field(() => String, { nullable: true, description: 'ISO 8601 duration, e.g. `P30D`, `P3Y`.' })
  period!: string | null;

  @Field(() => String, { nullable: true, description: 'An event that ends retention, e.g. "account closed".' })
  event!: string | null;
}

@ObjectType({ description: 'A data category an activity processes, and whether the person must provide it.' })
export class ActivityDataCategory {
  @Field(() => DataCategory, { description: 'The category.' })
  category!: DataCategory;

  @Field(() => Boolean, { description: 'Required for the service, or optional (the person may refuse).' })
  required!: boolean;
}

@ObjectType({ description: 'What the controller does with personal data and why: a line of the record of processing (GDPR Art. 30).', implements: RegistryItem })
export class Activity extends RegistryItem {
  @Field(() => String, { description: 'Human name.' })
  name!: string;

  @Field(() => String, { description: 'Why the data is processed.' })
  purpose!: string;

  @Field(() => LegalBasis, { description: 'Lawful basis of the processing.' })
  legalBasis!: LegalBasis;

  @Field(() => [String], { description: 'Technical and organisational security measures (GDPR Art. 30(1)(g)).' })
  securityMeasures!: string[];

  @Field(() => String, { nullable: true, description: 'Country the data is promised to stay in ("stored in mainland China").' })
  localisedIn!: string | null;

  @Field(() => Boolean, { description: "Whether the localisation promise yields to the person's consent: a flow they consented to may leave the country." })
  localisedUnlessConsented!: boolean;

  @Field(() => Boolean, {
    description:
      'Whether the activity offers goods or services to, or monitors, the persons it concerns where they live (GDPR and UK GDPR Art. 3(2)). False: a controller outside those territories is not subject to them for this activity.',
  })
  targetsResidents!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'Persons younger than this (whole years) are not served ("adults only": 18): the flow questions collect nothing from them and the findings report a stored one. Null: no limit of its own.',
  })
  minimumAge!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Persons younger than this need a guardian's consent to the activity, whatever its basis (\"an account needs a parent's consent under 14\"): without it the flow questions collect nothing and the findings report a stored person holding none. Null: only the law's digital consent age.",
  })
  guardianConsentUnder!: number | null;

  @Field(() => Boolean, {
    description:
      'Whether it pushes information or markets to persons on an automated evaluation of them (personalised advertising, PIPL Art. 24(2); direct marketing with profiling, GDPR Art. 21(2)).',
  })
  personalisedAdvertising!: boolean;

  @Field(() => Boolean, {
    description:
      'Whether the person may refuse the personalised advertising: an option not based on their characteristics or a convenient way to refuse (PIPL Art. 24(2)), an objection to direct marketing honoured (GDPR Art. 21(2)-(3)).',
  })
  advertisingOptOut!: boolean;

  @Field(() => AutomatedDecisions, { description: 'Whether it decides about persons by automated means, and how much the decisions weigh.' })
  automatedDecisions!: AutomatedDecisions;

  @Field(() => Boolean, {
    description:
      'Whether the person may have a decision explained, obtain human intervention, state their view, contest it, and refuse one made solely by automated means (GDPR Art. 22(3); PIPL Art. 24(3)).',
  })
  humanReview!: boolean;

  @Field(() => LocalDate, { description: 'First day the activity is in force.' })
  effectiveFrom!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day the activity is in force; null while it lasts.' })
  effectiveTo!: string | null;

  @Field(() => String, { nullable: true, description: 'Free text.' })
  description!: string | null;

  controllerId!: string;
  retentionPeriod!: string | null;
  retentionEvent!: string | null;
}

export const ActivityConnection = connectionType(Activity, 'Activity');
