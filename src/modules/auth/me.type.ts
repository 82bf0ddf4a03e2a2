import { Field, ObjectType } from 'type-graphql';
import { Role } from './role';

@ObjectType({ description: 'The caller, as its API token makes it: for a front end that shows only what the token may use.' })
export class Me {
  @Field(() => String, { description: 'Name of the token, recorded as the actor of every change made with it.' })
  name!: string;

  @Field(() => Role, { description: 'What the token may do.' })
  role!: Role;

  @Field(() => Boolean, { description: 'Whether the token may read persons, their consents and their data flows.' })
  mayReadPersons!: boolean;

  @Field(() => Boolean, { description: 'Whether the token may read and verify the audit log.' })
  mayReadAuditLog!: boolean;

  @Field(() => Boolean, { description: 'Whether the token may change the data map and import inventory files.' })
  mayChangeMap!: boolean;
}
