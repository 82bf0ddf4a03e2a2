import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Json } from '../../common/scalars';
import { Finding } from '../flow-query/flow-query.type';

export enum InventoryFormat {
  YAML = 'yaml',
  JSON = 'json',
}

registerEnumType(InventoryFormat, {
  name: 'InventoryFormat',
  description: 'Text format of an inventory file.',
  valuesConfig: { YAML: { description: 'YAML 1.2.' }, JSON: { description: 'JSON.' } },
});

@ObjectType({ description: 'An entry an import adds or removes.' })
export class InventoryDiffEntry {
  @Field(() => String, { description: 'Section of the file: parties, flows, persons...' })
  section!: string;

  @Field(() => String, { description: 'Key (external id for persons).' })
  key!: string;
}

@ObjectType({ description: 'A field an import changes, with its value before and after.' })
export class InventoryFieldChange {
  @Field(() => String, { description: 'Name of the field.' })
  field!: string;

  @Field(() => Json, { nullable: true, description: 'Value now.' })
  before!: unknown;

  @Field(() => Json, { nullable: true, description: 'Value after the import.' })
  after!: unknown;
}

@ObjectType({ description: 'An entry an import changes, field by field.' })
export class InventoryChangedEntry {
  @Field(() => String, { description: 'Section of the file.' })
  section!: string;

  @Field(() => String, { description: 'Key (external id for persons).' })
  key!: string;

  @Field(() => [InventoryFieldChange], { description: 'The fields that change.' })
  fields!: InventoryFieldChange[];
}

@ObjectType({ description: 'What an import does to the registry.' })
export class InventoryDiffResult {
  @Field(() => [InventoryDiffEntry], { description: 'Entries the file adds.' })
  added!: InventoryDiffEntry[];

  @Field(() => [InventoryChangedEntry], { description: 'Entries the file changes.' })
  changed!: InventoryChangedEntry[];

  @Field(() => [InventoryDiffEntry], { description: 'Entries removed (only with prune).' })
  removed!: InventoryDiffEntry[];

  @Field(() => Int, { description: 'Entries the file names that are already as it says.' })
  unchanged!: number;
}

@ObjectType({ description: 'What an import did, or would do on a dry run.' })
export class ImportResult {
  @Field(() => Boolean, { description: 'Whether the changes were committed (false on a dry run).' })
  applied!: boolean;

  @Field(() => InventoryDiffResult, { description: 'Entries added, changed (field by field) and removed.' })
  diff!: InventoryDiffResult;

  @Field(() => [Finding], { description: 'Findings the change adds.' })
  findingsAdded!: Finding[];

  @Field(() => [Finding], { description: 'Findings the change resolves.' })
  findingsResolved!: Finding[];
}
