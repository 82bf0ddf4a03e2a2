import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loadExisting } from '../../common/loaders';
import { BidirectionalPageArgs } from '../../common/pagination';
import { DateTime } from '../../common/scalars';
import type { RequestContext } from '../../context';
import { Activity } from '../activity/activity.type';
import { Consent, ConsentInput } from '../consent/consent.type';
import { Flow } from '../flow/flow.type';
import type { ConsentEntry, PersonEntry } from '../../domain/inventory-document';
import { Country } from '../reference/reference.type';
import { countryOf } from '../reference/reference.service';
import { SubjectCategory } from '../subject-category/subject-category.type';
import { erasePerson, giveConsent, listPersons, upsertPersons, withdrawConsent } from './person.service';
import { ErasureResult, Person, PersonConnection, PersonFilter, PersonInput, PersonUpsertResult } from './person.type';
import { FILTER_ARG } from '../../common/argument-options';

function toConsentEntry(input: ConsentInput): ConsentEntry {
  return { ...input, givenAt: input.givenAt.toISOString(), withdrawnAt: input.withdrawnAt ? input.withdrawnAt.toISOString() : null };
}

function toPersonEntry(input: PersonInput): PersonEntry {
  return { ...input, consents: input.consents?.map(toConsentEntry) };
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: 'One person by external id.' })
  async person(@Arg('externalId', () => String, { description: "The person's external id, as the source system knows them." }) externalId: string, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.person.profile.load(externalId))?.person ?? null;
  }

  @Query(() => PersonConnection, { description: 'Persons, by external id.' })
  persons(@Arg('filter', () => PersonFilter, FILTER_ARG) filter: PersonFilter | undefined, @Args() page: BidirectionalPageArgs, @Ctx() ctx: RequestContext) {
    return listPersons(ctx.dataSource, filter ?? {}, page);
  }

  @Mutation(() => PersonUpsertResult, { description: 'Creates or replaces one person (and their consents, when listed).' })
  upsertPerson(@Arg('input', () => PersonInput, { description: 'The person to create or replace, with their consents.' }) input: PersonInput, @Ctx() ctx: RequestContext) {
    return upsertPersons(ctx.dataSource, ctx.caller.name, [toPersonEntry(input)], 'input');
  }

  @Mutation(() => PersonUpsertResult, { description: 'Creates or replaces many persons with their consents in one transaction (at most 10,000 per call).' })
  bulkUpsertPersons(@Arg('persons', () => [PersonInput], { description: 'The persons to create or replace, each with its consents.' }) persons: PersonInput[], @Ctx() ctx: RequestContext) {
    return upsertPersons(ctx.dataSource, ctx.caller.name, persons.map(toPersonEntry));
  }

  @Mutation(() => ErasureResult, { description: 'Erases a person and their consents (right to erasure); says how many rows went.' })
  erasePerson(@Arg('externalId', () => String, { description: "The person's external id, as the source system knows them." }) externalId: string, @Ctx() ctx: RequestContext) {
    return erasePerson(ctx.dataSource, ctx.caller.name, externalId);
  }

  @Mutation(() => Consent, { description: 'Records a consent given by a person.' })
  giveConsent(
    @Arg('externalId', () => String, { description: "The person's external id, as the source system knows them." }) externalId: string,
    @Arg('input', () => ConsentInput, { description: 'The consent given.' }) input: ConsentInput,
    @Ctx() ctx: RequestContext,
  ) {
    return giveConsent(ctx.dataSource, ctx.caller.name, { externalId, ...toConsentEntry(input) });
  }

  @Mutation(() => Consent, { description: 'Records that a consent was withdrawn (default now); the consent itself stays on record.' })
  withdrawConsent(
    @Arg('consentId', () => ID, { description: 'Id of the consent.' }) consentId: string,
    @Arg('withdrawnAt', () => DateTime, { nullable: true, description: 'When the consent was withdrawn (default now).' }) withdrawnAt: Date | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return withdrawConsent(ctx.dataSource, ctx.caller.name, consentId, (withdrawnAt ?? new Date()).toISOString());
  }

  @FieldResolver(() => Country, { description: 'Country of residence.' })
  countryOfResidence(@Root() person: Person) {
    return countryOf(person.countryOfResidence);
  }

  @FieldResolver(() => [SubjectCategory], { description: 'Subject categories the person belongs to.' })
  async subjectCategories(@Root() person: Person, @Ctx() ctx: RequestContext) {
    return loadExisting(ctx.loaders.subjectCategory.byId, await ctx.loaders.person.subjectCategoryIds.load(person.id));
  }

  @FieldResolver(() => [Consent], { description: 'Consents given, withdrawn ones included.' })
  consents(@Root() person: Person, @Ctx() ctx: RequestContext) {
    return ctx.loaders.person.consents.load(person.id);
  }
}

@Resolver(() => Consent)
export class ConsentResolver {
  @FieldResolver(() => Activity, { nullable: true, description: 'The activity consented to.' })
  activity(@Root() consent: Consent, @Ctx() ctx: RequestContext) {
    return consent.activityId ? ctx.loaders.activity.byId.load(consent.activityId) : null;
  }

  @FieldResolver(() => Flow, { nullable: true, description: 'The flow consented to.' })
  flow(@Root() consent: Consent, @Ctx() ctx: RequestContext) {
    return consent.flowId ? ctx.loaders.flow.byId.load(consent.flowId) : null;
  }
}
