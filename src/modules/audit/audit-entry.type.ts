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

  @Field(() => Int, { description: 'How the entry is chained: 2, HMAC-SHA-256 under the audit key; 1, plain SHA-256, only for entries written before the chain was keyed.' })
  chainVersion!: number;

  @Field(() => String, { description: 'Hash of the previous hash and this entry content (HMAC-SHA-256 or SHA-256, as chainVersion says), in hex.' })
  hash!: string;
}

export const AuditEntryConnection = connectionType(AuditEntry, 'AuditEntry');

@InputType({ description: 'Which audit entries to list; every field given must match.' })
export class AuditLogFilterInput {
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

@ObjectType({ description: 'An entry of the audit log by its number and hash.' })
export class AuditChainPosition {
  @Field(() => Int, { description: 'Number of the entry (0 for the start of an empty log).' })
  seq!: number;

  @Field(() => String, { description: 'Its hash (64 zeros for the start of an empty log).' })
  hash!: string;
}

@ObjectType({ description: 'Where the audit log stood, signed with the audit key: keep it outside Flowmap and verify the log against it later.' })
export class AuditCheckpoint {
  @Field(() => Int, { description: 'Number of the last entry of the log when it was taken.' })
  seq!: number;

  @Field(() => String, { description: 'Hash of that entry.' })
  hash!: string;

  @Field(() => String, { description: 'When it was taken (ISO 8601).' })
  takenAt!: string;

  @Field(() => String, { description: 'HMAC-SHA-256 of seq, hash and takenAt under the audit key, in hex.' })
  signature!: string;
}

@InputType({ description: 'A checkpoint returned earlier by verifyAuditLog (or written by `flowmap audit checkpoint`), as it was given.' })
export class AuditCheckpointInput {
  @Field(() => Int, { description: 'Number of the entry the checkpoint holds.' })
  seq!: number;

  @Field(() => String, { description: 'Hash of that entry when the checkpoint was taken.' })
  hash!: string;

  @Field(() => String, { description: 'When it was taken, exactly as given.' })
  takenAt!: string;

  @Field(() => String, { description: 'Its signature, which must match the other fields under the audit key.' })
  signature!: string;
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

  @Field(() => AuditChainPosition, { description: 'The last entry found intact: the head of the log when valid.' })
  head!: AuditChainPosition;

  @Field(() => Int, { description: 'Entries, from the first, written before the chain was keyed: anyone could recompute their plain SHA-256 hashes, so they are only as safe as the first keyed entry after them, which covers their hash.' })
  legacyEntries!: number;

  @Field(() => Boolean, { nullable: true, description: "Whether the log still holds the checkpoint's entry with the checkpoint's hash; null when no checkpoint was given." })
  matchesCheckpoint!: boolean | null;

  @Field(() => AuditCheckpoint, { nullable: true, description: 'A signed checkpoint of the head, to keep outside Flowmap; null when the log is not valid.' })
  checkpoint!: AuditCheckpoint | null;
}
