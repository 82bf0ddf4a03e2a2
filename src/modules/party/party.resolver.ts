import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loadExisting } from '../../common/loaders';
import { BidirectionalPageArgs } from '../../common/pagination';
import type { RequestContext } from '../../context';
import { Activity } from '../activity/activity.type';
import { DataCategory } from '../data-category/data-category.type';
import { Evidence } from '../evidence/evidence.type';
import { Flow } from '../flow/flow.type';
import { Country } from '../reference/reference.type';
import { countryOf } from '../reference/reference.service';
import { DeletedItem } from '../registry/registry.type';
import { findByIdOrKey } from '../registry/registry-service';
import { PartyEntity } from './party.entity';
import { CreatePartyInput, PartyFilter, UpdatePartyInput } from './party.inputs';
import { conceptIris, PARTY_KIND_CONCEPTS } from '../reference/dpv-vocabulary';
import { PartyKind } from '../../domain/party-kind';
import { listParties, partyWrites } from './party.service';
import { CountryPeriod, Party, PartyConnection } from './party.type';
import { FILTER_ARG, expectedVersionArg } from '../../common/argument-options';

const kindFilter = (filter: PartyFilter | undefined, kind: PartyKind): PartyFilter => ({ ...filter, kinds: [kind] });

@Resolver(() => Party)
export class PartyResolver {
  @Query(() => PartyConnection, { description: 'Parties of every kind, by key.' })
  parties(@Arg('filter', () => PartyFilter, FILTER_ARG) filter: PartyFilter | undefined, @Args() page: BidirectionalPageArgs, @Ctx() ctx: RequestContext) {
    return listParties(ctx.dataSource, filter ?? {}, page);
  }

  @Query(() => PartyConnection, { description: 'Processors (GDPR Art. 28, PIPL Art. 21 entrusted parties).' })
  processors(@Arg('filter', () => PartyFilter, FILTER_ARG) filter: PartyFilter | undefined, @Args() page: BidirectionalPageArgs, @Ctx() ctx: RequestContext) {
    return listParties(ctx.dataSource, kindFilter(filter, PartyKind.PROCESSOR), page);
  }

  @Query(() => PartyConnection, { description: 'Sub-processors, each engaged by a processor.' })
  subProcessors(@Arg('filter', () => PartyFilter, FILTER_ARG) filter: PartyFilter | undefined, @Args() page: BidirectionalPageArgs, @Ctx() ctx: RequestContext) {
    return listParties(ctx.dataSource, kindFilter(filter, PartyKind.SUB_PROCESSOR), page);
  }

  @Query(() => PartyConnection, { description: 'Companies of our group.' })
  affiliates(@Arg('filter', () => PartyFilter, FILTER_ARG) filter: PartyFilter | undefined, @Args() page: BidirectionalPageArgs, @Ctx() ctx: RequestContext) {
    return listParties(ctx.dataSource, kindFilter(filter, PartyKind.AFFILIATE), page);
  }

  @Query(() => PartyConnection, { description: 'Providers of third-party SDKs embedded in our apps.' })
  sdkProviders(@Arg('filter', () => PartyFilter, FILTER_ARG) filter: PartyFilter | undefined, @Args() page: BidirectionalPageArgs, @Ctx() ctx: RequestContext) {
    return listParties(ctx.dataSource, kindFilter(filter, PartyKind.SDK_PROVIDER), page);
  }

  @Query(() => Party, { nullable: true, description: 'One party by id or by key.' })
  party(
    @Arg('id', () => ID, { nullable: true, description: 'Id of the party; give this or `key`.' }) id: string | undefined,
    @Arg('key', () => String, { nullable: true, description: 'Key of the party; give this or `id`.' }) key: string | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return findByIdOrKey(ctx.dataSource, PartyEntity, { id, key });
  }

  @Mutation(() => Party, { description: 'Registers a party.' })
  createParty(@Arg('input', () => CreatePartyInput, { description: 'The new party.' }) input: CreatePartyInput, @Ctx() ctx: RequestContext) {
    return partyWrites.create(ctx.dataSource, ctx.caller.name, input);
  }

  @Mutation(() => Party, { description: 'Changes a party; with expectedVersion, fails if someone changed it meanwhile.' })
  updateParty(
    @Arg('key', () => String, { description: 'Key of the party.' }) key: string,
    @Arg('input', () => UpdatePartyInput, { description: 'The changes; omitted fields stay as they are.' }) input: UpdatePartyInput,
    @Arg('expectedVersion', () => Int, expectedVersionArg('party')) expectedVersion: number | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return partyWrites.update(ctx.dataSource, ctx.caller.name, key, input, expectedVersion);
  }

  @Mutation(() => DeletedItem, { description: 'Deletes a party; refuses while flows, activities or sub-processors refer to it.' })
  async deleteParty(
    @Arg('key', () => String, { description: 'Key of the party.' }) key: string,
    @Arg('expectedVersion', () => Int, expectedVersionArg('party')) expectedVersion: number | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    await partyWrites.remove(ctx.dataSource, ctx.caller.name, key, expectedVersion);
    return { key };
  }

  @FieldResolver(() => [Country], { description: 'Countries where the party stores or accesses data today.' })
  async countries(@Root() party: Party, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.party.countries.load(party.id)).map(countryOf);
  }

  @FieldResolver(() => [CountryPeriod], { description: 'Every period in which the party held a country, past and planned: what as-of questions read.' })
  async countryHistory(@Root() party: Party, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.party.countryHistory.load(party.id)).map((period) => ({ ...period, country: countryOf(period.country) }));
  }

  @FieldResolver(() => Party, { nullable: true, description: 'For a sub-processor: the processor that engaged it.' })
  engagedBy(@Root() party: Party, @Ctx() ctx: RequestContext) {
    return party.engagedById ? ctx.loaders.party.byId.load(party.engagedById) : null;
  }

  @FieldResolver(() => [Party], { description: 'Sub-processors this party engaged.' })
  subProcessorsEngaged(@Root() party: Party, @Ctx() ctx: RequestContext) {
    return ctx.loaders.party.subProcessors.load(party.id);
  }

  @FieldResolver(() => [Flow], { description: 'Flows this party sends.' })
  outboundFlows(@Root() party: Party, @Ctx() ctx: RequestContext) {
    return ctx.loaders.flow.bySender.load(party.id);
  }

  @FieldResolver(() => [Flow], { description: 'Flows this party receives.' })
  inboundFlows(@Root() party: Party, @Ctx() ctx: RequestContext) {
    return ctx.loaders.flow.byReceiver.load(party.id);
  }

  @FieldResolver(() => [DataCategory], { description: 'Data categories that some flow delivers to this party.' })
  async categoriesReceived(@Root() party: Party, @Ctx() ctx: RequestContext) {
    const ids = await ctx.loaders.party.categoryIdsReceived.load(party.id);
    const categories = await loadExisting(ctx.loaders.dataCategory.byId, ids);
    return categories.sort((a, b) => (a.key < b.key ? -1 : 1));
  }

  @FieldResolver(() => [Activity], { description: 'Activities this party runs as controller.' })
  activities(@Root() party: Party, @Ctx() ctx: RequestContext) {
    return ctx.loaders.activity.byController.load(party.id);
  }

  @FieldResolver(() => [Evidence], { description: 'Contracts, certifications and contacts on record.' })
  evidence(@Root() party: Party, @Ctx() ctx: RequestContext) {
    return ctx.loaders.evidence.byParty.load(party.id);
  }

  @FieldResolver(() => [String], { description: 'The DPV concepts of its role (e.g. https://w3id.org/dpv#DataProcessor).' })
  kindIris(@Root() party: Party) {
    return conceptIris(PARTY_KIND_CONCEPTS, party.kind);
  }
}
