import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { BidirectionalPageArgs } from '../../common/pagination';
import { AsOf } from '../../common/scalars';
import type { RequestContext } from '../../context';
import { DEFAULT_MAX_DEPTH, MAX_DEPTH } from '../../engine/answers/compute-data-flows';
import { mayReadPersons } from '../auth/access-policy';
import { Person, PersonConnection } from '../person/person.type';
import { Severity } from '../../engine/core/finding';
import { RULES } from '../../engine/rules/rule-catalogue';
import { CategoryRecipient, DataFlowMap, DataHopConnection, FindingConnection, Rule, SubjectProfileInput, TransferFilterInput } from './flow-query.type';
import { inventoryFindingsPage } from './inventory-findings.service';
import { categoryRecipients, inventoryTransfersPage } from './inventory-transfers.service';
import { personDataFlows, profileDataFlows } from './person-flows.service';
import { personsReaching } from './persons-reaching.service';
import { FILTER_ARG } from '../../common/argument-options';
import { TransferRoute } from './transfer-route.type';
import { transferRoutes } from './transfer-routes.service';

const AS_OF = { nullable: true, description: 'The time asked about (default now).' } as const;
const MAX_DEPTH_ARG = {
  nullable: true,
  description: `Hops followed from each controller (default ${DEFAULT_MAX_DEPTH}, at most ${MAX_DEPTH}; larger values are clamped).`,
} as const;

@Resolver(() => Person)
export class PersonDataFlowResolver {
  @FieldResolver(() => DataFlowMap, { description: "Where this person's data flows as of a time: parties, hops, summary and findings." })
  async dataFlows(
    @Root() person: Person,
    @Arg('asOf', () => AsOf, AS_OF) asOf: Date | undefined,
    @Arg('maxDepth', () => Int, MAX_DEPTH_ARG) maxDepth: number | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return personDataFlows(ctx.dataSource, await ctx.loaders.person.profile.load(person.externalId), { asOf, maxDepth });
  }
}

@Resolver()
export class FlowQueryResolver {
  @Query(() => DataFlowMap, { description: 'Where the data of a kind of person that is not stored would flow.' })
  profileDataFlows(
    @Arg('profile', () => SubjectProfileInput, { description: 'The kind of person: where they live, their subject category and what they use.' }) profile: SubjectProfileInput,
    @Arg('asOf', () => AsOf, AS_OF) asOf: Date | undefined,
    @Arg('maxDepth', () => Int, MAX_DEPTH_ARG) maxDepth: number | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    const consents = (profile.consents ?? []).map((consent) => ({
      ...consent,
      givenAt: consent.givenAt.toISOString(),
      withdrawnAt: consent.withdrawnAt ? consent.withdrawnAt.toISOString() : null,
    }));
    return profileDataFlows(ctx.dataSource, { ...profile, consents }, { asOf, maxDepth });
  }

  @Query(() => FindingConnection, {
    description:
      'Compliance findings across the whole data map, most severe first, a page at a time. For AUDITOR and ADMIN they include what the stored persons add (their volumes and residences, their children’s data, the findings about minors, one per rule and activity with personCount); for other roles, those of the map alone.',
  })
  findings(
    @Arg('rule', () => String, { nullable: true, description: 'Only findings of this rule id.' }) rule: string | undefined,
    @Arg('severity', () => Severity, { nullable: true, description: 'Only findings at least this severe: this severity or a higher one.' }) severity: Severity | undefined,
    @Arg('party', () => String, { nullable: true, description: 'Only findings concerning this party (key).' }) party: string | undefined,
    @Arg('asOf', () => AsOf, AS_OF) asOf: Date | undefined,
    @Args() page: BidirectionalPageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const question = { asOf, ruleId: rule, minimumSeverity: severity, partyKey: party, includePersons: mayReadPersons(ctx.caller) };
    return inventoryFindingsPage(ctx.dataSource, question, page, ctx.wholeMap);
  }

  @Query(() => DataHopConnection, { description: 'Every cross-border transfer the data map makes, with its mechanism and whether it is lawful, a page at a time.' })
  crossBorderTransfers(
    @Arg('filter', () => TransferFilterInput, FILTER_ARG) filter: TransferFilterInput | undefined,
    @Arg('asOf', () => AsOf, AS_OF) asOf: Date | undefined,
    @Args() page: BidirectionalPageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return inventoryTransfersPage(ctx.dataSource, asOf, filter ?? {}, page, mayReadPersons(ctx.caller), ctx.wholeMap);
  }

  @Query(() => [TransferRoute], {
    description:
      'Every hop of the data map between two countries, summed up per (from, to) pair with its worst verdict, regimes and mechanisms: the arcs of a world map. Hops within one country are left out unless they are restricted transfers (an EU resident’s data disclosed in China is one under GDPR); a recipient without a country gives a route to null.',
  })
  transferRoutes(@Arg('asOf', () => AsOf, AS_OF) asOf: Date | undefined, @Ctx() ctx: RequestContext) {
    return transferRoutes(ctx.dataSource, asOf, mayReadPersons(ctx.caller), ctx.wholeMap);
  }

  @Query(() => [CategoryRecipient], { description: 'Which parties receive a data category (or one under it), and in which countries.' })
  recipientsOfCategory(
    @Arg('category', () => String, { description: 'Key of the data category.' }) category: string,
    @Arg('asOf', () => AsOf, AS_OF) asOf: Date | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return categoryRecipients(ctx.dataSource, category, asOf, ctx.wholeMap);
  }

  @Query(() => PersonConnection, {
    description: 'Stored persons whose data reaches a party or a country, by external id: how many in all (totalCount) and a page of them, forward or backward.',
  })
  personsReaching(
    @Arg('party', () => String, { nullable: true, description: 'Key of the party; give this or `country`.' }) party: string | undefined,
    @Arg('country', () => String, { nullable: true, description: 'Country code; give this or `party`.' }) country: string | undefined,
    @Arg('asOf', () => AsOf, AS_OF) asOf: Date | undefined,
    @Args() page: BidirectionalPageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return personsReaching(ctx.dataSource, { partyKey: party, country }, { asOf }, page, ctx.wholeMap);
  }

  @Query(() => [Rule], { description: 'The rules Flowmap checks, with their severity and article.' })
  rules() {
    return RULES;
  }
}
