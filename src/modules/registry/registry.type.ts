import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { DateTime } from '../../common/scalars';

@ObjectType({ description: 'What a delete removed.' })
export class DeletedItem {
  @Field(() => String, { description: 'Key of the deleted item.' })
  key!: string;
}

/** Fields every keyed item of the data map has. */
@InterfaceType({ description: 'A keyed, versioned item of the data map.' })
export abstract class RegistryItem {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => String, { description: 'Stable human key, unique within its kind.' })
  key!: string;

  @Field(() => Int, { description: 'Incremented by every change; pass it as `expectedVersion` to update safely.' })
  version!: number;

  @Field(() => DateTime, { description: 'When it was registered.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When it last changed.' })
  updatedAt!: Date;
}
