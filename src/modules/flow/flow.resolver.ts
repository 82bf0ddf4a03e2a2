import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loadExisting } from '../../common/loaders';
import { BidirectionalPageArgs } from '../../common/pagination';
import type { RequestContext } from '../../context';
import { Activity } from '../activity/activity.type';
import { DataCategory } from '../data-category/data-category.type';
import { Evidence } from '../evidence/evidence.type';
import { Party } from '../party/party.type';
import { Country } from '../reference/reference.type';
import { countryOf } from '../reference/reference.service';
import { DeletedItem } from '../registry/registry.type';
import { findByIdOrKey } from '../registry/registry-service';
import { conceptIris, LEGAL_BASIS_CONCEPTS, SAFEGUARD_CONCEPTS, TRANSFER_MECHANISM_CONCEPTS } from '../reference/dpv-vocabulary';
import { FlowEntity } from './flow.entity';
import { CreateFlowInput, FlowFilter, UpdateFlowInput } from './flow.inputs';
import { flowWrites, listFlows } from './flow.service';
import { Flow, FlowConnection, FlowMechanism } from './flow.type';
import { PiplExemption, TransferMechanism } from '../../domain/transfer-mechanism';
import { FILTER_ARG, expectedVersionArg } from '../../common/argument-options';

async function destinationCountries(flow: Flow, ctx: RequestContext): Promise<string[]> {
  const named = await ctx.loaders.flow.namedCountries.load(flow.id);
  return named.length > 0 ? named : ctx.loaders.party.countries.load(flow.toPartyId);
}

@Resolver(() => Flow)
export class FlowResolver {
  @Query(() => FlowConnection, { description: 'Data flows, by key.' })
  flows(@Arg('filter', () => FlowFilter, FILTER_ARG) filter: FlowFilter | undefined, @Args() page: BidirectionalPageArgs, @Ctx() ctx: RequestContext) {
    return listFlows(ctx.dataSource, filter ?? {}, page);
  }

  @Query(() => Flow, { nullable: true, description: 'One flow by id or by key.' })
  flow(
    @Arg('id', () => ID, { nullable: true, description: 'Id of the flow; give this or `key`.' }) id: string | undefined,
    @Arg('key', () => String, { nullable: true, description: 'Key of the flow; give this or `id`.' }) key: string | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return findByIdOrKey(ctx.dataSource, FlowEntity, { id, key });
  }

  @Mutation(() => Flow, { description: 'Registers a data flow.' })
  createFlow(@Arg('input', () => CreateFlowInput, { description: 'The new flow.' }) input: CreateFlowInput, @Ctx() ctx: RequestContext) {
    return flowWrites.create(ctx.dataSource, ctx.caller.name, input);
  }

  @Mutation(() => Flow, { description: 'Changes a flow.' })
  updateFlow(
    @Arg('key', () => String, { description: 'Key of the flow.' }) key: string,
    @Arg('input', () => UpdateFlowInput, { description: 'The changes; omitted fields stay as they are.' }) input: UpdateFlowInput,
    @Arg('expectedVersion', () => Int, expectedVersionArg('flow')) expectedVersion: number | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return flowWrites.update(ctx.dataSource, ctx.caller.name, key, input, expectedVersion);
  }

  @Mutation(() => DeletedItem, { description: 'Deletes a flow.' })
  async deleteFlow(
    @Arg('key', () => String, { description: 'Key of the flow.' }) key: string,
    @Arg('expectedVersion', () => Int, expectedVersionArg('flow')) expectedVersion: number | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    await flowWrites.remove(ctx.dataSource, ctx.caller.name, key, expectedVersion);
    return { key };
  }

  @FieldResolver(() => Activity, { description: 'The activity the flow serves.' })
  activity(@Root() flow: Flow, @Ctx() ctx: RequestContext) {
    return ctx.loaders.activity.byId.load(flow.activityId);
  }

  @FieldResolver(() => Party, { description: 'The sending party.' })
  from(@Root() flow: Flow, @Ctx() ctx: RequestContext) {
    return ctx.loaders.party.byId.load(flow.fromPartyId);
  }

  @FieldResolver(() => Party, { description: 'The receiving party.' })
  to(@Root() flow: Flow, @Ctx() ctx: RequestContext) {
    return ctx.loaders.party.byId.load(flow.toPartyId);
  }

  @FieldResolver(() => [DataCategory], { description: 'Data categories carried.' })
  async dataCategories(@Root() flow: Flow, @Ctx() ctx: RequestContext) {
    const categories = await loadExisting(ctx.loaders.dataCategory.byId, await ctx.loaders.flow.categoryIds.load(flow.id));
    return categories.sort((a, b) => (a.key < b.key ? -1 : 1));
  }

  @FieldResolver(() => [Country], { description: "Countries the flow reaches: those it names, or else all of the receiver's." })
  async countries(@Root() flow: Flow, @Ctx() ctx: RequestContext) {
    return (await destinationCountries(flow, ctx)).map(countryOf);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the flow reaches a country where the sender is not.' })
  async crossesBorder(@Root() flow: Flow, @Ctx() ctx: RequestContext) {
    const [senderCountries, destinations] = await Promise.all([
      ctx.loaders.party.countries.load(flow.fromPartyId),
      destinationCountries(flow, ctx),
    ]);
    return destinations.some((country) => !senderCountries.includes(country));
  }

  @FieldResolver(() => [Evidence], { description: 'Transfer impact assessment, PIPL filings on record.' })
  evidence(@Root() flow: Flow, @Ctx() ctx: RequestContext) {
    return ctx.loaders.evidence.byFlow.load(flow.id);
  }

  @FieldResolver(() => [String], { description: 'The DPV concepts of its own legal basis, if it has one.' })
  legalBasisIris(@Root() flow: Flow) {
    return conceptIris(LEGAL_BASIS_CONCEPTS, flow.legalBasis);
  }

  @FieldResolver(() => [FlowMechanism], { description: 'Transfer mechanisms in the order the flow relies on them: under each regime the first that holds is relied on (see DataHop.reliedOnMechanisms).' })
  mechanisms(@Root() flow: Flow, @Ctx() ctx: RequestContext) {
    return ctx.loaders.flow.mechanisms.load(flow.id);
  }

  @FieldResolver(() => TransferMechanism, { nullable: true, description: 'The first of `mechanisms`; null when there is none.', deprecationReason: 'A flow may name several mechanisms: use `mechanisms`.' })
  async mechanism(@Root() flow: Flow, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.flow.mechanisms.load(flow.id))[0]?.mechanism ?? null;
  }

  @FieldResolver(() => PiplExemption, { nullable: true, description: 'The exemption claimed by the first of `mechanisms`, when it is PIPL_EXEMPTION.', deprecationReason: 'Each of `mechanisms` names its own exemption.' })
  async piplExemption(@Root() flow: Flow, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.flow.mechanisms.load(flow.id))[0]?.piplExemption ?? null;
  }

  @FieldResolver(() => [String], { description: 'The DPV concepts of its transfer mechanisms, in their order (e.g. https://w3id.org/dpv/legal/eu/gdpr#A46-2-c); none for a PIPL mechanism, which DPV lacks.' })
  async mechanismIris(@Root() flow: Flow, @Ctx() ctx: RequestContext) {
    const mechanisms = await ctx.loaders.flow.mechanisms.load(flow.id);
    return [...new Set(mechanisms.flatMap((entry) => conceptIris(TRANSFER_MECHANISM_CONCEPTS, entry.mechanism)))];
  }

  @FieldResolver(() => [String], { description: 'The DPV concepts of its safeguards (e.g. https://w3id.org/dpv#Encryption).' })
  safeguardIris(@Root() flow: Flow) {
    return flow.safeguards.flatMap((safeguard) => conceptIris(SAFEGUARD_CONCEPTS, safeguard));
  }
}
