import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { BidirectionalPageArgs } from '../../common/pagination';
import type { RequestContext } from '../../context';
import { DeletedItem } from '../registry/registry.type';
import { findByIdOrKey } from '../registry/registry-service';
import { SubjectCategoryEntity } from './subject-category.entity';
import { CreateSubjectCategoryInput, UpdateSubjectCategoryInput } from './subject-category.inputs';
import { listSubjectCategories, subjectCategoryWrites } from './subject-category.service';
import { SubjectCategory, SubjectCategoryConnection } from './subject-category.type';
import { expectedVersionArg } from '../../common/argument-options';

@Resolver(() => SubjectCategory)
export class SubjectCategoryResolver {
  @Query(() => SubjectCategoryConnection, { description: 'Subject categories (kinds of people), by key.' })
  subjectCategories(@Args() page: BidirectionalPageArgs, @Ctx() ctx: RequestContext) {
    return listSubjectCategories(ctx.dataSource, page);
  }

  @Query(() => SubjectCategory, { nullable: true, description: 'One subject category by id or by key.' })
  subjectCategory(
    @Arg('id', () => ID, { nullable: true, description: 'Id of the subject category; give this or `key`.' }) id: string | undefined,
    @Arg('key', () => String, { nullable: true, description: 'Key of the subject category; give this or `id`.' }) key: string | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return findByIdOrKey(ctx.dataSource, SubjectCategoryEntity, { id, key });
  }

  @Mutation(() => SubjectCategory, { description: 'Registers a subject category.' })
  createSubjectCategory(@Arg('input', () => CreateSubjectCategoryInput, { description: 'The new subject category.' }) input: CreateSubjectCategoryInput, @Ctx() ctx: RequestContext) {
    return subjectCategoryWrites.create(ctx.dataSource, ctx.caller.name, input);
  }

  @Mutation(() => SubjectCategory, { description: 'Changes a subject category.' })
  updateSubjectCategory(
    @Arg('key', () => String, { description: 'Key of the subject category.' }) key: string,
    @Arg('input', () => UpdateSubjectCategoryInput, { description: 'The changes; omitted fields stay as they are.' }) input: UpdateSubjectCategoryInput,
    @Arg('expectedVersion', () => Int, expectedVersionArg('subject category')) expectedVersion: number | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return subjectCategoryWrites.update(ctx.dataSource, ctx.caller.name, key, input, expectedVersion);
  }

  @Mutation(() => DeletedItem, { description: 'Deletes a subject category; refuses while activities refer to it.' })
  async deleteSubjectCategory(
    @Arg('key', () => String, { description: 'Key of the subject category.' }) key: string,
    @Arg('expectedVersion', () => Int, expectedVersionArg('subject category')) expectedVersion: number | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    await subjectCategoryWrites.remove(ctx.dataSource, ctx.caller.name, key, expectedVersion);
    return { key };
  }
}
