import { Field, InputType } from 'type-graphql';
import { LocalDate } from '../../common/scalars';
import { EvidenceInput } from '../evidence/evidence.type';
import type { PartyEntry } from '../../domain/inventory-document';
import { PartyKind } from '../../domain/party-kind';

@InputType({ description: 'A new party.' })
export class CreatePartyInput implements PartyEntry {
  @Field(() => String, { description: 'Stable key: lowercase letters, digits, `.`, `_`, `-`.' })
  key!: string;

  @Field(() => String, { description: 'Legal or trading name.' })
  name!: string;

  @Field(() => PartyKind, { description: 'Role in the data map.' })
  kind!: PartyKind;

  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes of the countries where it stores or accesses data.' })
  countries!: string[];

  @Field(() => LocalDate, { nullable: true, description: 'The day it began to hold these countries; null: since before the record begins.' })
  countriesEffectiveFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'For a SUB_PROCESSOR: the key of the processor that engaged it.' })
  engagedBy?: string | null;

  @Field(() => String, { nullable: true, description: 'Free text.' })
  description?: string | null;

  @Field(() => [EvidenceInput], { nullable: true, description: 'Contracts and certifications on record (replaces the list).' })
  evidence?: EvidenceInput[];
}

@InputType({ description: 'Changes to a party; omitted fields stay as they are.' })
export class UpdatePartyInput implements Partial<PartyEntry> {
  @Field(() => String, { nullable: true, description: 'A new key.' })
  key?: string;

  @Field(() => String, { nullable: true, description: 'Legal or trading name.' })
  name?: string;

  @Field(() => PartyKind, { nullable: true, description: 'Role in the data map.' })
  kind?: PartyKind;

  @Field(() => [String], {
    nullable: true,
    description: 'Countries where it stores or accesses data from countriesEffectiveFrom on: the periods of the countries left out end the day before, new ones begin then; the past is kept.',
  })
  countries?: string[];

  @Field(() => LocalDate, { nullable: true, description: 'The day a change of countries takes effect (default today, UTC).' })
  countriesEffectiveFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'For a SUB_PROCESSOR: the key of the processor that engaged it.' })
  engagedBy?: string | null;

  @Field(() => String, { nullable: true, description: 'Free text.' })
  description?: string | null;

  @Field(() => [EvidenceInput], { nullable: true, description: 'Contracts and certifications on record (replaces the list).' })
  evidence?: EvidenceInput[];
}

@InputType({ description: 'Which parties to list; all conditions must hold.' })
export class PartyFilter {
  @Field(() => [PartyKind], { nullable: true, description: 'Only parties of these kinds.' })
  kinds?: PartyKind[];

  @Field(() => String, { nullable: true, description: 'Only parties present in this country (ISO 3166-1 alpha-2).' })
  country?: string;

  @Field(() => String, { nullable: true, description: 'Only parties present in a country of this regime (e.g. GDPR, PIPL).' })
  regime?: string;

  @Field(() => String, { nullable: true, description: 'Only parties whose key or name contains this text (case-insensitive).' })
  search?: string;
}
