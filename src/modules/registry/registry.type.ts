import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { DateTime } from '../../common/scalars';

@ObjectType({ description: 'What a delete removed.' })
export class DeletedItem {
  @Field(() => String, { description: 'Key of the deleted item.' })
  key!: string;
}

/** The type a `node(id:)` answer is of: set by the node resolver, read by the interface. */
export const NODE_TYPE = Symbol('nodeType');

/**
 * Relay's object identification: anything `node(id:)` refetches. The ids are the records' UUIDs,
 * drawn at random (gen_random_uuid) for every table, so no two records share one whatever their
 * type: they are global as they are, and every `party(id:)`, `flow(id:)` keeps taking them.
 */
@InterfaceType('Node', {
  description: 'An object with a globally unique id: `node(id:)` refetches it, whatever its type.',
  resolveType: (value: { [NODE_TYPE]?: string }) => value[NODE_TYPE],
})
export abstract class Node {
  @Field(() => ID, { description: 'Globally unique identifier: no two objects of any type share one.' })
  id!: string;
}

/** Fields every keyed item of the data map has. */
@InterfaceType({ description: 'A keyed, versioned item of the data map.', implements: Node })
export abstract class RegistryItem extends Node {
  @Field(() => ID, { description: 'Stable identifier, globally unique: `node(id:)` refetches the item by it.' })
  declare id: string;

  @Field(() => String, { description: 'Stable human key, unique within its kind.' })
  key!: string;

  @Field(() => Int, { description: 'Incremented by every change; pass it as `expectedVersion` to update safely.' })
  version!: number;

  @Field(() => DateTime, { description: 'When it was registered.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When it last changed.' })
  updatedAt!: Date;
}
