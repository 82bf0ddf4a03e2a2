import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loadExisting } from '../../common/loaders';
import { BidirectionalPageArgs } from '../../common/pagination';
import type { RequestContext } from '../../context';
import { Evidence } from '../evidence/evidence.type';
import { Flow } from '../flow/flow.type';
import { Party } from '../party/party.type';
import { DeletedItem } from '../registry/registry.type';
import { findByIdOrKey } from '../registry/registry-service';
import { SubjectCategory } from '../subject-category/subject-category.type';
import { conceptIris, LEGAL_BASIS_CONCEPTS } from '../reference/dpv-vocabulary';
import { ActivityEntity } from './activity.entity';
import { ActivityFilterInput, CreateActivityInput, UpdateActivityInput } from './activity.inputs';
import { activityWrites, listActivities } from './activity.service';
import { Activity, ActivityConnection, ActivityDataCategory, Retention } from './activity.type';
import { FILTER_ARG, expectedVersionArg } from '../../common/argument-options';

@Resolver(() => Activity)
export class ActivityResolver {
  @Query(() => ActivityConnection, { description: 'Processing activities, by key.' })
  activities(@Arg('filter', () => ActivityFilterInput, FILTER_ARG) filter: ActivityFilterInput | undefined, @Args() page: BidirectionalPageArgs, @Ctx() ctx: RequestContext) {
    return listActivities(ctx.dataSource, filter ?? {}, page);
  }

  @Query(() => Activity, { nullable: true, description: 'One activity by id or by key.' })
  activity(
    @Arg('id', () => ID, { nullable: true, description: 'Id of the activity; give this or `key`.' }) id: string | undefined,
    @Arg('key', () => String, { nullable: true, description: 'Key of the activity; give this or `id`.' }) key: string | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return findByIdOrKey(ctx.dataSource, ActivityEntity, { id, key });
  }

  @Mutation(() => Activity, { description: 'Registers a processing activity.' })
  createActivity(@Arg('input', () => CreateActivityInput, { description: 'The new activity.' }) input: CreateActivityInput, @Ctx() ctx: RequestContext) {
    return activityWrites.create(ctx.dataSource, ctx.caller.name, input);
  }

  @Mutation(() => Activity, { description: 'Changes an activity; refuses to drop a category that one of its flows carries.' })
  updateActivity(
    @Arg('key', () => String, { description: 'Key of the activity.' }) key: string,
    @Arg('input', () => UpdateActivityInput, { description: 'The changes; omitted fields stay as they are.' }) input: UpdateActivityInput,
    @Arg('expectedVersion', () => Int, expectedVersionArg('activity')) expectedVersion: number | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return activityWrites.update(ctx.dataSource, ctx.caller.name, key, input, expectedVersion);
  }

  @Mutation(() => DeletedItem, { description: 'Deletes an activity; refuses while flows refer to it.' })
  async deleteActivity(
    @Arg('key', () => String, { description: 'Key of the activity.' }) key: string,
    @Arg('expectedVersion', () => Int, expectedVersionArg('activity')) expectedVersion: number | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    await activityWrites.remove(ctx.dataSource, ctx.caller.name, key, expectedVersion);
    return { key };
  }

  @FieldResolver(() => Party, { description: 'The party that runs the activity.' })
  controller(@Root() activity: Activity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.party.byId.load(activity.controllerId);
  }

  @FieldResolver(() => Retention, { description: 'How long the data is kept.' })
  retention(@Root() activity: Activity): Retention {
    return { period: activity.retentionPeriod, event: activity.retentionEvent };
  }

  @FieldResolver(() => [SubjectCategory], { description: 'Kinds of people concerned.' })
  async subjectCategories(@Root() activity: Activity, @Ctx() ctx: RequestContext) {
    return loadExisting(ctx.loaders.subjectCategory.byId, await ctx.loaders.activity.subjectCategoryIds.load(activity.id));
  }

  @FieldResolver(() => [ActivityDataCategory], { description: 'Data categories processed, each required or optional.' })
  async dataCategories(@Root() activity: Activity, @Ctx() ctx: RequestContext) {
    const links = await ctx.loaders.activity.categoryLinks.load(activity.id);
    const categories = await loadExisting(ctx.loaders.dataCategory.byId, links.map((link) => link.dataCategoryId));
    const byId = new Map(categories.map((category) => [category.id, category]));
    return links
      .map((link) => ({ category: byId.get(link.dataCategoryId)!, required: link.required }))
      .sort((a, b) => (a.category.key < b.category.key ? -1 : 1));
  }

  @FieldResolver(() => [Flow], { description: 'Flows that serve this activity.' })
  flows(@Root() activity: Activity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.flow.byActivity.load(activity.id);
  }

  @FieldResolver(() => [Evidence], { description: 'Art. 9(2) condition, impact assessment on record.' })
  evidence(@Root() activity: Activity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.evidence.byActivity.load(activity.id);
  }

  @FieldResolver(() => [String], { description: 'The DPV concepts of its legal basis (e.g. https://w3id.org/dpv#Contract and https://w3id.org/dpv/legal/eu/gdpr#A6-1-b).' })
  legalBasisIris(@Root() activity: Activity) {
    return conceptIris(LEGAL_BASIS_CONCEPTS, activity.legalBasis);
  }
}
