import { Field, ObjectType } from 'type-graphql';
import { connectionType } from '../../common/pagination';
import { Node, RegistryItem } from '../registry/registry.type';

@ObjectType({ description: 'A kind of person whose data is processed: app user, customer, business contact, child...', implements: [RegistryItem, Node] })
export class SubjectCategory extends RegistryItem {
  @Field(() => String, { description: 'Human name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Free text.' })
  description!: string | null;

}

export const SubjectCategoryConnection = connectionType(SubjectCategory, 'SubjectCategory');
