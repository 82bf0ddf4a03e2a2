import { Field, InputType } from 'type-graphql';
import type { DataCategoryEntry } from '../../domain/inventory-document';

@InputType({ description: 'A new data category.' })
export class CreateDataCategoryInput implements DataCategoryEntry {
  @Field(() => String, { description: 'Dotted lowercase key, e.g. `contact.email`.' })
  key!: string;

  @Field(() => String, { description: 'Human name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Key of the parent category.' })
  parent?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'GDPR Art. 9 special category (default false).' })
  gdprSpecial?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'PIPL Art. 28 sensitive personal information (default false).' })
  piplSensitive?: boolean;

  @Field(() => String, { nullable: true, description: 'Free text.' })
  description?: string | null;
}

@InputType({ description: 'Changes to a data category; omitted fields stay as they are.' })
export class UpdateDataCategoryInput implements Partial<DataCategoryEntry> {
  @Field(() => String, { nullable: true, description: 'A new key.' })
  key?: string;

  @Field(() => String, { nullable: true, description: 'Human name.' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'Key of the parent category; null for a root.' })
  parent?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'GDPR Art. 9 special category.' })
  gdprSpecial?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'PIPL Art. 28 sensitive personal information.' })
  piplSensitive?: boolean;

  @Field(() => String, { nullable: true, description: 'Free text.' })
  description?: string | null;
}

@InputType({ description: 'Which data categories to list.' })
export class DataCategoryFilter {
  @Field(() => String, { nullable: true, description: 'Only this category and those below it (by key).' })
  under?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only GDPR special categories (true) or only others (false).' })
  gdprSpecial?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Only PIPL sensitive categories (true) or only others (false).' })
  piplSensitive?: boolean;
}
