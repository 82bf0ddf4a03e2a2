import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../common/pagination';
import { LocalDate } from '../../common/scalars';
import { Country } from '../reference/reference.type';
import { RegistryItem } from '../registry/registry.type';
import { PartyKind } from '../../domain/party-kind';

registerEnumType(PartyKind, {
  name: 'PartyKind',
  description: 'The role an organisation plays in the data map.',
  valuesConfig: {
    CONTROLLER: { description: 'Our company: decides why and how personal data is processed.' },
    AFFILIATE: { description: 'A company of our group (branch, subsidiary).' },
    PROCESSOR: { description: 'Processes personal data on our behalf (GDPR Art. 28, PIPL Art. 21 entrusted party).' },
    SUB_PROCESSOR: { description: 'Engaged by a processor to process on its behalf.' },
    SDK_PROVIDER: { description: 'Third-party code inside our app that collects data itself.' },
    THIRD_PARTY: { description: 'An independent controller that receives data (PIPL Art. 23 "other handler").' },
    JOINT_CONTROLLER: { description: 'Decides purposes and means jointly with us (GDPR Art. 26).' },
    PUBLIC_AUTHORITY: { description: 'A regulator, court or law enforcement body.' },
  },
});

@ObjectType({ description: 'An organisation that holds personal data: our group, processors, SDK providers, third parties, authorities.', implements: RegistryItem })
export class Party extends RegistryItem {
  @Field(() => String, { description: 'Legal or trading name.' })
  name!: string;

  @Field(() => PartyKind, { description: 'Role in the data map.' })
  kind!: PartyKind;

  @Field(() => String, { nullable: true, description: 'Free text: what the party does with the data.' })
  description!: string | null;

  /** Resolved through a loader; kept off the GraphQL field list here. */
  engagedById!: string | null;
}

@ObjectType({ description: 'A period in which a party held a country; both ends inclusive.' })
export class CountryPeriod {
  @Field(() => Country, { description: 'The country.' })
  country!: Country;

  @Field(() => LocalDate, { nullable: true, description: 'First day held; null: since before the record begins.' })
  effectiveFrom!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last day held; null: still held.' })
  effectiveTo!: string | null;
}

export const PartyConnection = connectionType(Party, 'Party');
