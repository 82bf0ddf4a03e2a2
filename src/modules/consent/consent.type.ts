import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../common/scalars';
import { ConsentKind } from '../../domain/consent-kind';

registerEnumType(ConsentKind, {
  name: 'ConsentKind',
  description: 'How a consent was given.',
  valuesConfig: {
    ORDINARY: { description: 'An ordinary consent (GDPR Art. 7, PIPL Art. 14).' },
    SEPARATE: { description: 'A consent given separately for this one processing (PIPL Arts. 23, 29, 39).' },
  },
});

@ObjectType({ description: "A person's consent to an activity or to a flow; withdrawal is recorded, never deleted." })
export class Consent {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => ConsentKind, { description: 'Ordinary or separate.' })
  kind!: ConsentKind;

  @Field(() => Boolean, { description: "Given by a guardian for a minor (GDPR Art. 8, PIPL Art. 31)." })
  givenByGuardian!: boolean;

  @Field(() => DateTime, { description: 'When it was given.' })
  givenAt!: Date;

  @Field(() => DateTime, { nullable: true, description: 'When it was withdrawn; null while it stands.' })
  withdrawnAt!: Date | null;

  personId!: string;
  activityId!: string | null;
  flowId!: string | null;
}

@InputType({ description: 'A consent: to exactly one of an activity or a flow.' })
export class ConsentInput {
  @Field(() => String, { nullable: true, description: 'Key of the activity consented to.' })
  activity?: string | null;

  @Field(() => String, { nullable: true, description: 'Key of the flow consented to.' })
  flow?: string | null;

  @Field(() => ConsentKind, { description: 'Ordinary or separate.' })
  kind!: ConsentKind;

  @Field(() => Boolean, { nullable: true, description: 'Given by a guardian (default false).' })
  givenByGuardian?: boolean;

  @Field(() => DateTime, { description: 'When it was given.' })
  givenAt!: Date;

  @Field(() => DateTime, { nullable: true, description: 'When it was withdrawn, if it was.' })
  withdrawnAt?: Date | null;
}
