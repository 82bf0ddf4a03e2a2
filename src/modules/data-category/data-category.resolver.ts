import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BidirectionalPageArgs } from '../../common/pagination';
import type { RequestContext } from '../../context';
import { DeletedItem } from '../registry/registry.type';
import { findByIdOrKey } from '../registry/registry-service';
import { dataCategoryIris } from '../reference/dpv-vocabulary';
import { DataCategoryEntity } from './data-category.entity';
import { CreateDataCategoryInput, DataCategoryFilterInput, UpdateDataCategoryInput } from './data-category.inputs';
import { dataCategoryWrites, listDataCategories } from './data-category.service';
import { DataCategory, DataCategoryConnection } from './data-category.type';
import { FILTER_ARG, expectedVersionArg } from '../../common/argument-options';

@Resolver(() => DataCategory)
export class DataCategoryResolver {
  @Query(() => DataCategoryConnection, { description: 'Data categories, by key.' })
  dataCategories(
    @Arg('filter', () => DataCategoryFilterInput, FILTER_ARG) filter: DataCategoryFilterInput | undefined,
    @Args() page: BidirectionalPageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return listDataCategories(ctx.dataSource, filter ?? {}, page);
  }

  @Query(() => DataCategory, { nullable: true, description: 'One data category by id or by key.' })
  dataCategory(
    @Arg('id', () => ID, { nullable: true, description: 'Id of the data category; give this or `key`.' }) id: string | undefined,
    @Arg('key', () => String, { nullable: true, description: 'Key of the data category; give this or `id`.' }) key: string | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return findByIdOrKey(ctx.dataSource, DataCategoryEntity, { id, key });
  }

  @Mutation(() => DataCategory, { description: 'Registers a data category.' })
  createDataCategory(@Arg('input', () => CreateDataCategoryInput, { description: 'The new data category.' }) input: CreateDataCategoryInput, @Ctx() ctx: RequestContext) {
    return dataCategoryWrites.create(ctx.dataSource, ctx.caller.name, input);
  }

  @Mutation(() => DataCategory, { description: 'Changes a data category; refuses a parent that would make a cycle.' })
  updateDataCategory(
    @Arg('key', () => String, { description: 'Key of the data category.' }) key: string,
    @Arg('input', () => UpdateDataCategoryInput, { description: 'The changes; omitted fields stay as they are.' }) input: UpdateDataCategoryInput,
    @Arg('expectedVersion', () => Int, expectedVersionArg('data category')) expectedVersion: number | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return dataCategoryWrites.update(ctx.dataSource, ctx.caller.name, key, input, expectedVersion);
  }

  @Mutation(() => DeletedItem, { description: 'Deletes a data category; refuses while children, activities or flows refer to it.' })
  async deleteDataCategory(
    @Arg('key', () => String, { description: 'Key of the data category.' }) key: string,
    @Arg('expectedVersion', () => Int, expectedVersionArg('data category')) expectedVersion: number | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    await dataCategoryWrites.remove(ctx.dataSource, ctx.caller.name, key, expectedVersion);
    return { key };
  }

  @FieldResolver(() => DataCategory, { nullable: true, description: 'The category above this one.' })
  parent(@Root() category: DataCategory, @Ctx() ctx: RequestContext) {
    return category.parentId ? ctx.loaders.dataCategory.byId.load(category.parentId) : null;
  }

  @FieldResolver(() => [DataCategory], { description: 'Categories directly below this one.' })
  children(@Root() category: DataCategory, @Ctx() ctx: RequestContext) {
    return ctx.loaders.dataCategory.children.load(category.id);
  }

  @FieldResolver(() => [String], { description: 'What it is in DPV: https://w3id.org/dpv#PersonalData, and SpecialCategoryPersonalData or SensitivePersonalData where flagged.' })
  iris(@Root() category: DataCategory) {
    return dataCategoryIris(category);
  }
}
