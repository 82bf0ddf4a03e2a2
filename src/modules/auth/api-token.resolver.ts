import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { createToken, listTokens, revokeToken } from './api-token.service';
import { ApiToken, CreatedApiToken } from './api-token.type';
import { Role } from './role';

@Resolver()
export class ApiTokenResolver {
  @Query(() => [ApiToken], { description: 'Every API token, revoked ones included, oldest first.' })
  apiTokens(@Ctx() ctx: RequestContext) {
    return listTokens(ctx.dataSource);
  }

  @Mutation(() => CreatedApiToken, { description: 'Creates an API token and returns its secret, this once.' })
  createApiToken(
    @Arg('name', () => String, { description: 'Who or what will use it; recorded as the actor of its changes.' }) name: string,
    @Arg('role', () => Role, { description: 'What it may do.' }) role: Role,
    @Ctx() ctx: RequestContext,
  ) {
    return createToken(ctx.dataSource, name, role, ctx.caller.name);
  }

  @Mutation(() => ApiToken, { description: 'Revokes an API token at once; it stays listed, with its revocation time.' })
  revokeApiToken(@Arg('id', () => ID, { description: 'Id of the token.' }) id: string, @Ctx() ctx: RequestContext) {
    return revokeToken(ctx.dataSource, id, ctx.caller.name);
  }
}
