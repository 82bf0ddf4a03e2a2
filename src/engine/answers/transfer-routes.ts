import type { TransferMechanism } from '../../domain/transfer-mechanism';
import type { Hop } from '../core/data-flow-answer';
import type { HopVerdict } from '../core/hop-verdict';
import { sortedUnique } from '../core/sorted-unique';
import { worseVerdict } from './hop-verdict-of';

/** Every hop of the map between two countries, as one arc of a world map. */
export interface TransferRoute {
  fromCountry: string;
  /** null: the recipient has no country on record, so where the data lands is unknown. */
  toCountry: string | null;
  /** Flows with a hop on this route (a flow reached from two controllers counts once). */
  flowIds: string[];
  hopCount: number;
  /** The worst verdict on this route: each hop judged for this destination (its destinationVerdicts), not for its other legs. */
  worstVerdict: HopVerdict;
  /** Per verdict, how many of the route's hops have it for this destination. */
  verdictCounts: Map<HopVerdict, number>;
  /** Regimes under which some hop of the route is a restricted transfer; empty when none is (IE -> BE stays inside the EEA). */
  transferRegimes: string[];
  /** The mechanisms the route's hops rely on; hops with none add nothing. */
  mechanisms: TransferMechanism[];
}

/**
 * Sums hops up per (from country, to country) pair. A hop within one country is left out unless it
 * is a restricted transfer all the same (a Chinese controller's disclosure, in China, of an EU
 * resident's data is one under GDPR: the route CN -> CN). A hop between parties with several
 * countries counts on every pair it joins; one to a recipient without a country goes on the route
 * to `null`.
 */
export class TransferRouteAccumulator {
  private readonly routes = new Map<string, { route: TransferRoute; flows: Set<string>; regimes: Set<string>; mechanisms: Set<TransferMechanism> }>();

  add(hop: Hop): void {
    const destinations: (string | null)[] = hop.toCountries.length > 0 ? hop.toCountries : [null];
    for (const fromCountry of hop.fromCountries) {
      for (const toCountry of destinations) {
        if (toCountry === fromCountry && hop.transferRegimes.length === 0) continue;
        const verdict = (toCountry === null ? undefined : hop.destinationVerdicts.find((entry) => entry.country === toCountry)?.verdict) ?? hop.verdict;
        this.entryFor(fromCountry, toCountry, verdict, hop);
      }
    }
  }

  private entryFor(fromCountry: string, toCountry: string | null, verdict: HopVerdict, hop: Hop): void {
    const key = `${fromCountry}>${toCountry ?? ''}`;
    let entry = this.routes.get(key);
    if (!entry) {
      entry = {
        route: { fromCountry, toCountry, flowIds: [], hopCount: 0, worstVerdict: verdict, verdictCounts: new Map(), transferRegimes: [], mechanisms: [] },
        flows: new Set(),
        regimes: new Set(),
        mechanisms: new Set(),
      };
      this.routes.set(key, entry);
    }
    const { route } = entry;
    route.hopCount += 1;
    route.worstVerdict = worseVerdict(route.worstVerdict, verdict);
    route.verdictCounts.set(verdict, (route.verdictCounts.get(verdict) ?? 0) + 1);
    entry.flows.add(hop.flowId);
    for (const regime of hop.transferRegimes) entry.regimes.add(regime);
    if (hop.mechanism !== null) entry.mechanisms.add(hop.mechanism);
  }

  /** The routes, sorted by origin, then destination (the unknown one last). */
  routesSoFar(): TransferRoute[] {
    return [...this.routes.values()]
      .map(({ route, flows, regimes, mechanisms }) => ({
        ...route,
        verdictCounts: new Map(route.verdictCounts),
        flowIds: sortedUnique([...flows]),
        transferRegimes: sortedUnique([...regimes]),
        mechanisms: [...mechanisms].sort(),
      }))
      .sort((a, b) => compareText(a.fromCountry, b.fromCountry) || compareText(a.toCountry ?? '\uffff', b.toCountry ?? '\uffff'));
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The routes of some hops (see TransferRouteAccumulator). */
export function transferRoutesOf(hops: Iterable<Hop>): TransferRoute[] {
  const routes = new TransferRouteAccumulator();
  for (const hop of hops) routes.add(hop);
  return routes.routesSoFar();
}
