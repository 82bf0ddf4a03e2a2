import { Field, ID, ObjectType } from 'type-graphql';
import { DateTime } from '../../common/scalars';
import { Role } from './role';

@ObjectType({ description: 'An API token. Its secret is never shown again after creation, and only its hash is stored.' })
export class ApiToken {
  @Field(() => ID, { description: 'Id of the token, for revoking it.' })
  id!: string;

  @Field(() => String, { description: 'Name of the token, recorded as the actor of every change made with it.' })
  name!: string;

  @Field(() => Role, { description: 'What the token may do.' })
  role!: Role;

  @Field(() => DateTime, { description: 'When the token was created.' })
  createdAt!: Date;

  @Field(() => DateTime, { nullable: true, description: 'When the token was last used, to within a minute; null if never.' })
  lastUsedAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When the token was revoked; null while it is live.' })
  revokedAt!: Date | null;
}

@ObjectType({ description: 'A token just created, with its secret.' })
export class CreatedApiToken {
  @Field(() => ApiToken, { description: 'The token.' })
  token!: ApiToken;

  @Field(() => String, { description: 'The bearer secret (`Authorization: Bearer fm_...`): shown this once, never again.' })
  secret!: string;
}
