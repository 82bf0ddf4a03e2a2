import { Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../common/pagination';
import { DateTime } from '../../common/scalars';

@ObjectType({ description: 'A kind of person whose data is processed: app user, customer, business contact, child...' })
export class SubjectCategory {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => String, { description: 'Stable key, unique among subject categories.' })
  key!: string;

  @Field(() => String, { description: 'Human name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Free text.' })
  description!: string | null;

  @Field(() => Int, { description: 'Incremented by every change.' })
  version!: number;

  @Field(() => DateTime, { description: 'When it was registered.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When it last changed.' })
  updatedAt!: Date;
}

export const SubjectCategoryConnection = connectionType(SubjectCategory, 'SubjectCategory');
