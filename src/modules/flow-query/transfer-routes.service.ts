import type { DataSource } from 'typeorm';
import { calendarDateOf } from '../../common/dates';
import { inventoryTransferRoutes } from '../../engine/answers/inventory-flows';
import type { TransferRoute as Route } from '../../engine/answers/transfer-routes';
import { HopVerdict } from '../../engine/core/hop-verdict';
import { isAdequate } from '../../domain/adequacy';
import { countryOf } from '../reference/reference.service';
import { engineView } from './engine-view-cache';
import { resolvedAsOf } from './flow-query-options';
import { transferFacts } from './person-facts';
import type { TransferRoute } from './transfer-route.type';
import { WholeMapMemo } from './whole-map-memo';

const WORST_FIRST = [HopVerdict.UNLAWFUL, HopVerdict.UNDETERMINED, HopVerdict.LAWFUL_WITH_GAPS, HopVerdict.LAWFUL];

const UNCERTIFIED = { certified: false, expiredOn: null };

/** The adequacy of a route's destination under each regime it transfers under, for a recipient with no certification. */
function destinationAdequacy(route: Route, on: string): TransferRoute['destinationAdequacy'] {
  if (route.toCountry === null) return [];
  const toCountry = route.toCountry;
  return route.transferRegimes.map((regime) => {
    const { adequate, reason } = isAdequate(regime, toCountry, on, {
      certifications: { SAFE_HARBOUR: UNCERTIFIED, PRIVACY_SHIELD: UNCERTIFIED, DATA_PRIVACY_FRAMEWORK: UNCERTIFIED },
      commercialOrganisation: true,
    });
    return { regime, adequate, reason };
  });
}

/**
 * The whole map's hops per pair of countries as of a time, judged as crossBorderTransfers judges
 * them: with what the stored persons add to the map's facts only for a caller who may read persons.
 */
export async function transferRoutes(dataSource: DataSource, asOf: Date | null | undefined, includePersons: boolean, memo = new WholeMapMemo()): Promise<TransferRoute[]> {
  const view = await engineView(dataSource);
  const at = resolvedAsOf({ asOf }, memo);
  const facts = await transferFacts(dataSource, view.index, includePersons);
  const routes = memo.remember('transfer-routes', [view, facts, calendarDateOf(at)], () =>
    inventoryTransferRoutes(view.index, { asOf: at, ...facts, checkDeadline: () => memo.deadline.throwIfPassed() }),
  );
  const day = calendarDateOf(at);
  return routes.map((route) => ({
    fromCountry: countryOf(route.fromCountry),
    toCountry: route.toCountry === null ? null : countryOf(route.toCountry),
    flowCount: route.flowIds.length,
    hopCount: route.hopCount,
    worstVerdict: route.worstVerdict,
    verdictCounts: WORST_FIRST.filter((verdict) => route.verdictCounts.has(verdict)).map((verdict) => ({ verdict, hopCount: route.verdictCounts.get(verdict) ?? 0 })),
    transferRegimes: route.transferRegimes,
    mechanisms: route.mechanisms,
    destinationAdequacy: destinationAdequacy(route, day),
  }));
}
