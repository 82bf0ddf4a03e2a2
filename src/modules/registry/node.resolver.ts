import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Node, NODE_TYPE } from './registry.type';

/**
 * `node(id:)` over the registry's kinds. Persons and consents are not nodes: they are read only
 * through the fields the access policy keeps for AUDITOR and ADMIN, so no role reaches one here.
 */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'The party, activity, flow, data category or subject category with this id; null when none has it.' })
  async node(@Arg('id', () => ID, { description: 'A global id, as any Node gives it in `id`.' }) id: string, @Ctx() ctx: RequestContext) {
    const { party, activity, flow, dataCategory, subjectCategory } = ctx.loaders;
    const candidates = await Promise.all([
      party.byId.load(id).then((found) => found && { type: 'Party', found }),
      activity.byId.load(id).then((found) => found && { type: 'Activity', found }),
      flow.byId.load(id).then((found) => found && { type: 'Flow', found }),
      dataCategory.byId.load(id).then((found) => found && { type: 'DataCategory', found }),
      subjectCategory.byId.load(id).then((found) => found && { type: 'SubjectCategory', found }),
    ]);
    const hit = candidates.find((candidate) => candidate);
    return hit ? Object.assign(Object.create(Object.getPrototypeOf(hit.found) as object) as object, hit.found, { [NODE_TYPE]: hit.type }) : null;
  }
}
