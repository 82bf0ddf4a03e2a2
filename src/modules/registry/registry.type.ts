import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What a delete removed.' })
export class DeletedItem {
  @Field(() => String, { description: 'Key of the deleted item.' })
  key!: string;
}
