import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../common/pagination';
import { DateTime, Json } from '../../common/scalars';

@ObjectType({ description: 'One change on record: who made it, when, and the entity before and after; chained to the entry before it by hash.' })
export class AuditEntry {
  @Field(() => Int, { description: 'Position in the log, from 1, without gaps.' })
  seq!: number;

  @Field(() => DateTime, { description: 'When the change was committed.' })
  at!: string;

  @Field(() => String, { description: 'Name of the API token that made the change (`flowmap` for changes made at start-up).' })
  actor!: string;

  @Field(() => String, { description: 'What was done: create, update, delete, upsert, erase, revoke...' })
  operation!: string;

  @Field(() => String, { description: 'What kind of entity changed: party, flow, person, api_token...' })
  entityType!: string;

  @Field(() => String, { description: 'Key of the entity (the external id for a person, the id for an API token).' })
  entityKey!: string;

  @Field(() => Json, { nullable: true, description: 'The entity before the change; null for a creation.' })
  before!: unknown;

  @Field(() => Json, { nullable: true, description: 'The entity after the change; null for a deletion.' })
  after!: unknown;

  @Field(() => String, { description: 'Hash of the entry before (64 zeros for the first).' })
  previousHash!: string;

  @Field(() => String, { description: 'SHA-256 of the previous hash and this entry content.' })
  hash!: string;
}

export const AuditEntryConnection = connectionType(AuditEntry, 'AuditEntry');

@InputType({ description: 'Which audit entries to list; every field given must match.' })
export class AuditLogFilter {
  @Field(() => String, { nullable: true, description: 'Only changes to this kind of entity (party, flow, person, api_token...).' })
  entityType?: string;

  @Field(() => String, { nullable: true, description: 'Only changes to the entity with this key.' })
  entityKey?: string;

  @Field(() => String, { nullable: true, description: 'Only changes made with the API token of this name.' })
  actor?: string;

  @Field(() => DateTime, { nullable: true, description: 'Only changes at or after this instant.' })
  from?: Date;

  @Field(() => DateTime, { nullable: true, description: 'Only changes before this instant.' })
  to?: Date;
}

@ObjectType({ description: 'Whether the audit log is as it was written.' })
export class AuditLogVerification {
  @Field(() => Boolean, { description: 'True when every entry matches its hash and links to the one before.' })
  valid!: boolean;

  @Field(() => Int, { description: 'Entries found intact before the first broken one (all of them when valid).' })
  entriesChecked!: number;

  @Field(() => Int, { nullable: true, description: 'Number of the first entry that was changed, removed or inserted; null when valid.' })
  firstBrokenSeq!: number | null;

  @Field(() => String, { nullable: true, description: 'What is wrong with that entry; null when valid.' })
  reason!: string | null;
}
