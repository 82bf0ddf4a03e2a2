import { Field, Int, ObjectType } from 'type-graphql';
import { TransferMechanism } from '../../domain/transfer-mechanism';
import { HopVerdict } from '../../engine/core/hop-verdict';
import { Country } from '../reference/reference.type';

@ObjectType({ description: 'How many hops of a route have one verdict for its destination.' })
export class RouteVerdictCount {
  @Field(() => HopVerdict, { description: 'The verdict.' })
  verdict!: HopVerdict;

  @Field(() => Int, { description: 'Hops of the route with it.' })
  hopCount!: number;
}

@ObjectType({ description: "Whether the route's destination is adequate under one of the regimes its transfers fall under." })
export class RouteAdequacy {
  @Field(() => String, { description: 'The regime, e.g. `GDPR`.' })
  regime!: string;

  @Field(() => Boolean, { description: 'Whether the destination needs no further safeguard under it, for a recipient without certifications (such as the EU-US Data Privacy Framework).' })
  adequate!: boolean;

  @Field(() => String, { description: 'Why, in one sentence.' })
  reason!: string;
}

@ObjectType({ description: 'Every hop of the data map from one country to another (or within one, when it is a restricted transfer all the same), summed up: an arc of a world map.' })
export class TransferRoute {
  @Field(() => Country, { description: 'Where the data leaves from: a country of the sending party.' })
  fromCountry!: Country;

  @Field(() => Country, { nullable: true, description: 'Where it lands: a country of the receiving party; null when the recipient has no country on record.' })
  toCountry!: Country | null;

  @Field(() => Int, { description: 'Flows with a hop on this route.' })
  flowCount!: number;

  @Field(() => Int, { description: 'Hops on this route (a flow reached from several controllers or activities counts once per hop).' })
  hopCount!: number;

  @Field(() => HopVerdict, { description: "The worst verdict among the route's hops, each judged for this destination (a hop's other legs do not count)." })
  worstVerdict!: HopVerdict;

  @Field(() => [RouteVerdictCount], { description: 'How many hops have each verdict, worst first; verdicts no hop has are left out.' })
  verdictCounts!: RouteVerdictCount[];

  @Field(() => [String], { description: 'Regimes under which some hop of the route is a restricted transfer; empty when none is (IE -> BE stays inside the EEA).' })
  transferRegimes!: string[];

  @Field(() => [TransferMechanism], { description: 'Transfer mechanisms the hops rely on.' })
  mechanisms!: TransferMechanism[];

  @Field(() => [RouteAdequacy], { description: 'Per transfer regime, whether the destination is adequate on the day asked; empty for an unknown destination.' })
  destinationAdequacy!: RouteAdequacy[];
}
