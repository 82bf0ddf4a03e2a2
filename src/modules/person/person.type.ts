import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../common/pagination';
import { DateTime, LocalDate } from '../../common/scalars';
import { ConsentInput } from '../consent/consent.type';

@ObjectType({ description: 'An individual known to the registry by an external id.' })
export class Person {
  @Field(() => String, { description: "The person's id in the company's own systems." })
  externalId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Date of birth, when known (minors).' })
  dateOfBirth!: string | null;

  @Field(() => Int, { description: 'Incremented by every change.' })
  version!: number;

  @Field(() => DateTime, { description: 'When the person was registered.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When the person last changed.' })
  updatedAt!: Date;

  id!: string;
  countryOfResidence!: string;
}

export const PersonConnection = connectionType(Person, 'Person');

@InputType({ description: 'A person to create or replace, with their consents.' })
export class PersonInput {
  @Field(() => String, { description: "The person's id in the company's own systems." })
  externalId!: string;

  @Field(() => String, { description: 'Country of residence (ISO 3166-1 alpha-2).' })
  countryOfResidence!: string;

  @Field(() => [String], { description: 'Keys of the subject categories the person belongs to.' })
  subjectCategories!: string[];

  @Field(() => LocalDate, { nullable: true, description: 'Date of birth.' })
  dateOfBirth?: string | null;

  @Field(() => [ConsentInput], { nullable: true, description: "The person's consents; when given, they replace the stored ones." })
  consents?: ConsentInput[];
}

@InputType({ description: 'Which persons to list.' })
export class PersonFilterInput {
  @Field(() => String, { nullable: true, description: 'Only residents of this country.' })
  country?: string;

  @Field(() => String, { nullable: true, description: 'Only persons of this subject category (key).' })
  subjectCategory?: string;
}

@ObjectType({ description: 'What a bulk upsert wrote.' })
export class PersonUpsertResult {
  @Field(() => Int, { description: 'Persons created.' })
  inserted!: number;

  @Field(() => Int, { description: 'Persons replaced.' })
  updated!: number;

  @Field(() => Int, { description: 'Consents written.' })
  consents!: number;
}

@ObjectType({ description: 'What an erasure removed.' })
export class ErasureResult {
  @Field(() => Int, { description: 'Persons deleted (0 or 1).' })
  personsDeleted!: number;

  @Field(() => Int, { description: 'Consents deleted with them.' })
  consentsDeleted!: number;
}
