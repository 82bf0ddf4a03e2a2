import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ErrorCode, FlowmapError } from './errors';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many items to return (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (the endCursor of the previous page).' })
  after?: string;
}

/** Paging either way: forward with `first`/`after`, or backward with `last`/`before`. */
@ArgsType()
export class BidirectionalPageArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: `How many items to return from the end, or from before \`before\` (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}).` })
  last?: number;

  @Field(() => String, { nullable: true, description: 'Return the items before this cursor (the startCursor of the next page).' })
  before?: string;
}

@ObjectType({ description: 'Where a page stands in the whole list.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of this page; pass it as `after` for the next page.' })
  endCursor!: string | null;

  @Field(() => Boolean, { description: 'Whether items come before this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of this page; pass it as `before` for the previous page.' })
  startCursor!: string | null;
}

export interface Page<T> {
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * A cursor connection type for `itemType`, named `<name>Connection` with `<name>Edge` edges;
 * `order` says how its items are ordered.
 */
export function connectionType<T extends object>(itemType: ClassType<T>, name: string, order = 'ordered by key'): ClassType<Page<T>> {
  @ObjectType(`${name}Edge`, { description: `A ${name} with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque position of this item in the list.' })
    cursor!: string;

    @Field(() => itemType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items, ${order}.` })
  class Connection {
    @Field(() => [itemType], { description: 'The items of this page.' })
    nodes!: T[];

    @Field(() => [Edge], { description: 'The items of this page with their cursors.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Whether more pages follow.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items match the filter, on all pages.' })
    totalCount!: number;
  }
  return Connection;
}

export function pageSize(first: number | undefined, field = 'first'): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new FlowmapError(ErrorCode.LIMIT_EXCEEDED, `${field}: must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, { field });
  }
  return first;
}

const given = (value: unknown): boolean => value !== undefined && value !== null;

/** Which way a page goes, how many items it holds at most, and the cursor it starts from. */
export function pageDirection(args: BidirectionalPageArgs): { backward: boolean; size: number; cursor: string | undefined; cursorField: 'after' | 'before' } {
  const backward = given(args.last) || given(args.before);
  if (backward && (given(args.first) || given(args.after))) {
    throw new FlowmapError(ErrorCode.BAD_USER_INPUT, 'last: page forward (first, after) or backward (last, before), not both', { field: 'last' });
  }
  return backward
    ? { backward, size: pageSize(args.last, 'last'), cursor: args.before ?? undefined, cursorField: 'before' }
    : { backward, size: pageSize(args.first), cursor: args.after ?? undefined, cursorField: 'after' };
}

export function encodeCursor(sortValue: string): string {
  return Buffer.from(sortValue, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): string {
  const value = Buffer.from(cursor, 'base64url').toString('utf8');
  // Base64 can spell a NUL byte, which PostgreSQL refuses in text: no key holds one anyway.
  if (value.length === 0 || value.includes('\u0000') || encodeCursor(value) !== cursor) {
    throw new FlowmapError(ErrorCode.BAD_USER_INPUT, `${field}: '${cursor}' is not a cursor from this list`, { field });
  }
  return value;
}

/**
 * Keyset pagination over a unique text column: stable under inserts, and as fast on the last
 * page as on the first.
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  sortColumn: string,
  sortValueOf: (item: T) => string,
  args: BidirectionalPageArgs,
): Promise<Page<T>> {
  const { backward, size, cursor, cursorField } = pageDirection(args);
  const from = cursor === undefined ? undefined : decodeCursor(cursor, cursorField);
  const totalCount = await query.clone().getCount();
  const page = query.clone().orderBy(sortColumn, backward ? 'DESC' : 'ASC').limit(size + 1);
  if (from !== undefined) page.andWhere(`${sortColumn} ${backward ? '<' : '>'} :pageCursor`, { pageCursor: from });
  const rows = size === 0 ? [] : await page.getMany();
  const moreThisWay = rows.length > size;
  const moreTheOtherWay = from !== undefined && (await query.clone().andWhere(`${sortColumn} ${backward ? '>=' : '<='} :pageCursor`, { pageCursor: from }).getExists());
  const nodes = backward ? rows.slice(0, size).reverse() : rows.slice(0, size);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(sortValueOf(node)), node }));
  return {
    nodes,
    edges,
    pageInfo: {
      hasNextPage: backward ? moreTheOtherWay : moreThisWay,
      hasPreviousPage: backward ? moreThisWay : moreTheOtherWay,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/**
 * A page of a list computed in memory, in the list's order. The cursor is a position in the list:
 * pages of the same list (the same data map, persons and day) follow on exactly.
 */
export function paginateList<T, V>(items: readonly T[], args: BidirectionalPageArgs, view: (item: T) => V): Page<V> {
  const { backward, size, cursor, cursorField } = pageDirection(args);
  if (!backward) {
    const start = cursor === undefined ? 0 : positionAfter(cursor, cursorField);
    return pageAt(items.slice(start, start + size), start, items.length, view);
  }
  // The cursor of the item at index i is i + 1: the items before it end at index cursor - 1.
  const end = cursor === undefined ? items.length : Math.min(items.length, Math.max(0, positionAfter(cursor, cursorField) - 1));
  const start = Math.max(0, end - size);
  return pageAt(items.slice(start, end), start, items.length, view);
}

/**
 * The window of a list that is walked rather than kept (a page either way, with cursors that are
 * positions as paginateList's are): from a position on, or the last so many when paging back from the end.
 */
export function pageWindow(args: BidirectionalPageArgs): { start: number; size: number } | { last: number } {
  const { backward, size, cursor, cursorField } = pageDirection(args);
  if (!backward) return { start: cursor === undefined ? 0 : positionAfter(cursor, cursorField), size };
  if (cursor === undefined) return { last: size };
  const end = Math.max(0, positionAfter(cursor, cursorField) - 1);
  const start = Math.max(0, end - size);
  return { start, size: end - start };
}

/**
 * The page of a list that is not kept whole: `window` holds its items from position `start` on
 * (as many as pageWindow says, or fewer at the end), of `totalCount` in all.
 */
export function pageAt<T, V>(window: readonly T[], start: number, totalCount: number, view: (item: T) => V): Page<V> {
  const nodes = window.map(view);
  const edges = nodes.map((node, offset) => ({ cursor: encodeCursor(String(start + offset + 1)), node }));
  return {
    nodes,
    edges,
    pageInfo: {
      hasNextPage: start + nodes.length < totalCount,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

function positionAfter(cursor: string, field = 'after'): number {
  const position = decodeCursor(cursor, field);
  if (!/^\d{1,9}$/.test(position)) throw new FlowmapError(ErrorCode.BAD_USER_INPUT, `${field}: '${cursor}' is not a cursor from this list`, { field });
  return Number(position);
}
