import type { DataSource } from 'typeorm';
import { calendarDateOf } from '../../common/dates';
import { ErrorCode, FlowmapError } from '../../common/errors';
import { pageAt, pageWindow, type BidirectionalPageArgs, type Page } from '../../common/pagination';
import { computeInventoryHops, crossBorderTransfers, inventoryTransferWindow, recipientsOfCategory, type TransferFilter } from '../../engine/answers/inventory-flows';
import type { DataHop } from './flow-query.type';
import { hopView } from './engine-view';
import { engineView } from './engine-view-cache';
import { resolvedAsOf } from './flow-query-options';
import { transferFacts } from './person-facts';
import { WholeMapMemo } from './whole-map-memo';

/*
 * Remembered in the request's WholeMapMemo like the findings (inventory-findings.service.ts): under
 * the engine view, the person facts and the calendar day of asOf.
 */

/** Every cross-border transfer the data map allows, as of a time; counted with the stored persons only when `includePersons`. */
export async function inventoryTransfers(
  dataSource: DataSource,
  asOf: Date | null | undefined,
  filter: TransferFilter,
  includePersons: boolean,
  memo = new WholeMapMemo(),
): Promise<DataHop[]> {
  const view = await engineView(dataSource);
  const at = resolvedAsOf({ asOf }, memo);
  const facts = await transferFacts(dataSource, view.index, includePersons);
  // Only the transfers are kept, not every hop of the map.
  const transfers = memo.remember('transfers', [view, facts, calendarDateOf(at)], () =>
    inventoryTransferWindow(view.index, { asOf: at, ...facts, checkDeadline: () => memo.deadline.throwIfPassed() }, {}, { start: 0, size: Number.POSITIVE_INFINITY }).hops,
  );
  return crossBorderTransfers(transfers, filter).map((hop) => hopView(view, hop));
}

/** A page of them, in walk order, forward or backward: only the page is kept, and put in keys. */
export async function inventoryTransfersPage(
  dataSource: DataSource,
  asOf: Date | null | undefined,
  filter: TransferFilter,
  page: BidirectionalPageArgs,
  includePersons: boolean,
  memo = new WholeMapMemo(),
): Promise<Page<DataHop>> {
  const view = await engineView(dataSource);
  const window = pageWindow(page);
  const at = resolvedAsOf({ asOf }, memo);
  const facts = await transferFacts(dataSource, view.index, includePersons);
  // Keyed by the filter and the window too: the walk keeps only the window, however large the map.
  const { regime, destinationCountry, mechanism, lawful, verdict } = filter;
  const { hops, totalCount, start } = memo.remember(
    'transfer-window',
    [view, facts, calendarDateOf(at), regime, destinationCountry, mechanism, lawful, verdict, JSON.stringify(window)],
    () => inventoryTransferWindow(view.index, { asOf: at, ...facts, checkDeadline: () => memo.deadline.throwIfPassed() }, filter, window),
  );
  return pageAt(hops, start, totalCount, (hop) => hopView(view, hop));
}

export interface CategoryRecipientView {
  partyKey: string;
  kind: string;
  countries: string[];
}

/** Which parties receive a data category (or one under it), and in which countries. */
export async function categoryRecipients(dataSource: DataSource, categoryKey: string, asOf: Date | null | undefined, memo = new WholeMapMemo()): Promise<CategoryRecipientView[]> {
  const view = await engineView(dataSource);
  const categoryId = view.idsByKey.categories.get(categoryKey);
  if (!categoryId) throw new FlowmapError(ErrorCode.NOT_FOUND, `category: no data category '${categoryKey}'`, { field: 'category' });
  const at = resolvedAsOf({ asOf }, memo);
  const recipients = memo.remember('category-recipients', [view, calendarDateOf(at), categoryId], () =>
    recipientsOfCategory(view.index, computeInventoryHops(view.index, { asOf: at, checkDeadline: () => memo.deadline.throwIfPassed() }), categoryId),
  );
  return recipients.map((recipient) => ({
    partyKey: view.partyKeys.get(recipient.partyId) ?? recipient.partyId,
    kind: view.index.snapshot.parties.get(recipient.partyId)?.kind ?? 'UNKNOWN',
    countries: recipient.countries,
  }));
}
