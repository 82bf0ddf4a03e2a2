import { Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { describeCaller } from './access-policy';
import { Me } from './me.type';

@Resolver()
export class MeResolver {
  @Query(() => Me, { description: 'Who the API token is and what it may use.' })
  me(@Ctx() ctx: RequestContext): Me {
    return describeCaller(ctx.caller);
  }
}
