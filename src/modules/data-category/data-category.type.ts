import { Field, ObjectType } from 'type-graphql';
import { connectionType } from '../../common/pagination';
import { Node, RegistryItem } from '../registry/registry.type';

@ObjectType({ description: 'A kind of personal data, in a tree with dotted keys (`contact.email`, `biometric.face`).', implements: [RegistryItem, Node] })
export class DataCategory extends RegistryItem {
  @Field(() => String, { description: 'Human name.' })
  name!: string;

  @Field(() => Boolean, { description: 'A special category of personal data under GDPR Art. 9(1).' })
  gdprSpecial!: boolean;

  @Field(() => Boolean, { description: 'Sensitive personal information under PIPL Art. 28 (biometrics, whereabouts, financial accounts, minors\' data...).' })
  piplSensitive!: boolean;

  @Field(() => String, { nullable: true, description: 'Free text.' })
  description!: string | null;

  parentId!: string | null;
}

export const DataCategoryConnection = connectionType(DataCategory, 'DataCategory');
