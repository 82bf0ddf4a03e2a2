import { Field, InputType } from 'type-graphql';
import type { SubjectCategoryEntry } from '../../domain/inventory-document';

@InputType({ description: 'A new subject category.' })
export class CreateSubjectCategoryInput implements SubjectCategoryEntry {
  @Field(() => String, { description: 'Stable key, e.g. `app-user`.' })
  key!: string;

  @Field(() => String, { description: 'Human name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Free text.' })
  description?: string | null;
}

@InputType({ description: 'Changes to a subject category; omitted fields stay as they are.' })
export class UpdateSubjectCategoryInput implements Partial<SubjectCategoryEntry> {
  @Field(() => String, { nullable: true, description: 'A new key.' })
  key?: string;

  @Field(() => String, { nullable: true, description: 'Human name.' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'Free text.' })
  description?: string | null;
}
