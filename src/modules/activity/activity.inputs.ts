import { Field, InputType, Int } from 'type-graphql';
import { LocalDate } from '../../common/scalars';
import { EvidenceInput } from '../evidence/evidence.type';
import type { ActivityCategoryEntry, ActivityEntry, RetentionEntry } from '../../domain/inventory-document';
import { LegalBasis } from '../../domain/legal-basis';
import { AutomatedDecisions } from './automated-decisions';

@InputType({ description: 'A data category an activity processes.' })
export class ActivityCategoryInput implements ActivityCategoryEntry {
  @Field(() => String, { description: 'Key of the data category.' })
  category!: string;

  @Field(() => Boolean, { description: 'Required for the service, or optional.' })
  required!: boolean;
}

@InputType({ description: 'How long data is kept: a duration, an event, or both.' })
export class RetentionInput implements RetentionEntry {
  @Field(() => String, { nullable: true, description: 'ISO 8601 duration, e.g. `P30D`.' })
  period?: string | null;

  @Field(() => String, { nullable: true, description: 'An event that ends retention.' })
  event?: string | null;
}

@InputType({ description: 'A new processing activity.' })
export class CreateActivityInput implements ActivityEntry {
  @Field(() => String, { description: 'Stable key.' })
  key!: string;

  @Field(() => String, { description: 'Human name.' })
  name!: string;

  @Field(() => String, { description: 'Why the data is processed.' })
  purpose!: string;

  @Field(() => String, { description: 'Key of the controlling party (CONTROLLER, AFFILIATE or JOINT_CONTROLLER).' })
  controller!: string;

  @Field(() => LegalBasis, { description: 'Lawful basis.' })
  legalBasis!: LegalBasis;

  @Field(() => [String], { description: 'Keys of the subject categories concerned.' })
  subjectCategories!: string[];

  @Field(() => [ActivityCategoryInput], { description: 'Data categories processed, each required or optional.' })
  dataCategories!: ActivityCategoryInput[];

  @Field(() => RetentionInput, { nullable: true, description: 'How long the data is kept.' })
  retention?: RetentionInput | null;

  @Field(() => [String], { nullable: true, description: 'Security measures.' })
  securityMeasures?: string[];

  @Field(() => String, { nullable: true, description: 'Country the data is promised to stay in.' })
  localisedIn?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the promise yields to the person's consent (\"unless you authorise\"); default false." })
  localisedUnlessConsented?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Whether it offers goods or services to, or monitors, persons where they live (GDPR Art. 3(2)); default true.' })
  targetsResidents?: boolean;

  @Field(() => Int, { nullable: true, description: 'Persons younger than this (whole years, 1-120) are not served: 18 for "adults only". Default null: no limit of its own.' })
  minimumAge?: number | null;

  @Field(() => Int, { nullable: true, description: 'Persons younger than this (whole years, 1-120, above minimumAge) need a guardian\'s consent to the activity, whatever its basis. Default null: only the law\'s digital consent age.' })
  guardianConsentUnder?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it pushes information or markets on an automated evaluation of the person (PIPL Art. 24(2); GDPR Art. 21(2)); default false.' })
  personalisedAdvertising?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Whether the person may refuse the personalised advertising (PIPL Art. 24(2); GDPR Art. 21(2)-(3)); default false.' })
  advertisingOptOut?: boolean;

  @Field(() => AutomatedDecisions, { nullable: true, description: 'Whether it decides about persons by automated means, and how much the decisions weigh; default NONE.' })
  automatedDecisions?: AutomatedDecisions;

  @Field(() => Boolean, { nullable: true, description: 'Whether the person may obtain an explanation and human intervention, contest a decision and refuse a solely automated one (GDPR Art. 22(3); PIPL Art. 24(3)); default false.' })
  humanReview?: boolean;

  @Field(() => LocalDate, { description: 'First day in force.' })
  effectiveFrom!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day in force.' })
  effectiveTo?: string | null;

  @Field(() => String, { nullable: true, description: 'Free text.' })
  description?: string | null;

  @Field(() => [EvidenceInput], { nullable: true, description: 'Art. 9(2) condition, impact assessment (replaces the list).' })
  evidence?: EvidenceInput[];
}

@InputType({ description: 'Changes to an activity; omitted fields stay as they are.' })
export class UpdateActivityInput implements Partial<ActivityEntry> {
  @Field(() => String, { nullable: true, description: 'A new key.' })
  key?: string;

  @Field(() => String, { nullable: true, description: 'Human name.' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'Why the data is processed.' })
  purpose?: string;

  @Field(() => String, { nullable: true, description: 'Key of the controlling party.' })
  controller?: string;

  @Field(() => LegalBasis, { nullable: true, description: 'Lawful basis.' })
  legalBasis?: LegalBasis;

  @Field(() => [String], { nullable: true, description: 'Keys of the subject categories (replaces the list).' })
  subjectCategories?: string[];

  @Field(() => [ActivityCategoryInput], { nullable: true, description: 'Data categories (replaces the list).' })
  dataCategories?: ActivityCategoryInput[];

  @Field(() => RetentionInput, { nullable: true, description: 'How long the data is kept.' })
  retention?: RetentionInput | null;

  @Field(() => [String], { nullable: true, description: 'Security measures (replaces the list).' })
  securityMeasures?: string[];

  @Field(() => String, { nullable: true, description: 'Country the data is promised to stay in.' })
  localisedIn?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the promise yields to the person's consent (\"unless you authorise\")." })
  localisedUnlessConsented?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Whether it offers goods or services to, or monitors, persons where they live (GDPR Art. 3(2)).' })
  targetsResidents?: boolean;

  @Field(() => Int, { nullable: true, description: 'Persons younger than this are not served (null: no limit of its own).' })
  minimumAge?: number | null;

  @Field(() => Int, { nullable: true, description: 'Persons younger than this need a guardian\'s consent to the activity (null: only the law\'s age).' })
  guardianConsentUnder?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it pushes information or markets on an automated evaluation of the person (PIPL Art. 24(2); GDPR Art. 21(2)).' })
  personalisedAdvertising?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Whether the person may refuse the personalised advertising (PIPL Art. 24(2); GDPR Art. 21(2)-(3)).' })
  advertisingOptOut?: boolean;

  @Field(() => AutomatedDecisions, { nullable: true, description: 'Whether it decides about persons by automated means, and how much the decisions weigh.' })
  automatedDecisions?: AutomatedDecisions;

  @Field(() => Boolean, { nullable: true, description: 'Whether the person may obtain an explanation and human intervention, contest a decision and refuse a solely automated one (GDPR Art. 22(3); PIPL Art. 24(3)).' })
  humanReview?: boolean;

  @Field(() => LocalDate, { nullable: true, description: 'First day in force.' })
  effectiveFrom?: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day in force.' })
  effectiveTo?: string | null;

  @Field(() => String, { nullable: true, description: 'Free text.' })
  description?: string | null;

  @Field(() => [EvidenceInput], { nullable: true, description: 'Evidence on record (replaces the list).' })
  evidence?: EvidenceInput[];
}

@InputType({ description: 'Which activities to list; all conditions must hold.' })
export class ActivityFilter {
  @Field(() => [LegalBasis], { nullable: true, description: 'Only activities on one of these bases.' })
  legalBases?: LegalBasis[];

  @Field(() => String, { nullable: true, description: 'Only activities concerning this subject category (key).' })
  subjectCategory?: string;

  @Field(() => String, { nullable: true, description: 'Only activities processing this data category or one below it (key).' })
  dataCategory?: string;

  @Field(() => String, { nullable: true, description: 'Only activities of this controller (party key).' })
  controller?: string;
}
