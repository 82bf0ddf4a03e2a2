import { Field, ObjectType } from 'type-graphql';
import { LocalDate } from '../../common/scalars';

@ObjectType({ description: 'A country or territory with an ISO 3166-1 alpha-2 code.' })
export class Country {
  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code.' })
  code!: string;

  @Field(() => String, { description: 'English name.' })
  name!: string;
}

@ObjectType({ description: 'A data protection regime (GDPR, UK GDPR, PIPL...) and the countries it covers.' })
export class Regime {
  @Field(() => String, { description: 'Stable code, e.g. `GDPR`, `PIPL`.' })
  code!: string;

  @Field(() => String, { description: 'Name of the law.' })
  name!: string;

  @Field(() => String, { description: 'What the regime covers.' })
  description!: string;

  @Field(() => String, { description: 'Citation of the law.' })
  legalReference!: string;

  @Field(() => Number, { description: "Default age below which a child's consent needs a guardian." })
  digitalConsentAge!: number;

  @Field(() => String, { description: 'Where the official text is.' })
  source!: string;

  countryCodes!: string[];
}

@ObjectType({ description: 'A decision that a country protects personal data adequately (GDPR Art. 45, UK GDPR Art. 45).' })
export class AdequacyDecision {
  @Field(() => String, { description: 'Regime that made the decision.' })
  regime!: string;

  @Field(() => Country, { description: 'Country found adequate.' })
  country!: Country;

  @Field(() => LocalDate, { description: 'Day the decision took effect.' })
  decidedOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day it was last renewed.' })
  renewedOn!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last day it applies, if limited.' })
  expiresOn!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'First day it no longer applies because a court declared it invalid.' })
  invalidatedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'The judgment that declared it invalid.' })
  invalidatedBy!: string | null;

  @Field(() => String, {
    description:
      'FULL, SAFE_HARBOUR_CERTIFIED_ONLY, PRIVACY_SHIELD_CERTIFIED_ONLY or DPF_CERTIFIED_ONLY (USA: recipients certified under that scheme) or COMMERCIAL_ORGANISATIONS_ONLY (Canada).',
  })
  scope!: string;

  @Field(() => String, { description: 'The legal instrument.' })
  instrument!: string;

  @Field(() => String, { description: 'Where the decision is published.' })
  source!: string;
}

@ObjectType({ description: 'Whether a country is adequate for a regime on a date, for a given recipient, and why.' })
export class AdequacyVerdict {
  @Field(() => Boolean, { description: 'Whether transfers there need no further safeguard.' })
  adequate!: boolean;

  @Field(() => AdequacyDecision, { nullable: true, description: 'The decision that applies, if any.' })
  decision!: AdequacyDecision | null;

  @Field(() => String, { description: 'Why, in one sentence.' })
  reason!: string;
}
