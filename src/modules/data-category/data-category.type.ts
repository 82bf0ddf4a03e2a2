import { Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../common/pagination';
import { DateTime } from '../../common/scalars';

@ObjectType({ description: 'A kind of personal data, in a tree with dotted keys (`contact.email`, `biometric.face`).' })
export class DataCategory {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => String, { description: 'Stable dotted key, unique among data categories.' })
  key!: string;

  @Field(() => String, { description: 'Human name.' })
  name!: string;

  @Field(() => Boolean, { description: 'A special category of personal data under GDPR Art. 9(1).' })
  gdprSpecial!: boolean;

  @Field(() => Boolean, { description: 'Sensitive personal information under PIPL Art. 28 (biometrics, whereabouts, financial accounts, minors\' data...).' })
  piplSensitive!: boolean;

  @Field(() => String, { nullable: true, description: 'Free text.' })
  description!: string | null;

  @Field(() => Int, { description: 'Incremented by every change.' })
  version!: number;

  @Field(() => DateTime, { description: 'When it was registered.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When it last changed.' })
  updatedAt!: Date;

  parentId!: string | null;
}

export const DataCategoryConnection = connectionType(DataCategory, 'DataCategory');
