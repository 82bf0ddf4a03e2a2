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

@ObjectType({ description: 'Where a page stands in the whole list.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of this page; pass it as `after` for the next page.' })
  endCursor!: string | null;
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

export function pageSize(first: number | undefined): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new FlowmapError(ErrorCode.LIMIT_EXCEEDED, `first: must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, {
      field: 'first',
    });
  }
  return first;
}

export function encodeCursor(sortValue: string): string {
  return Buffer.from(sortValue, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const value = Buffer.from(cursor, 'base64url').toString('utf8');
  // Base64 can spell a NUL byte, which PostgreSQL refuses in text: no key holds one anyway.
  if (value.length === 0 || value.includes('\u0000') || encodeCursor(value) !== cursor) {
    throw new FlowmapError(ErrorCode.BAD_USER_INPUT, `after: '${cursor}' is not a cursor from this list`, { field: 'after' });
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
  args: PageArgs,
): Promise<Page<T>> {
  const size = pageSize(args.first);
  const totalCount = await query.clone().getCount();
  const page = query.clone().orderBy(sortColumn, 'ASC').limit(size + 1);
  if (args.after !== undefined && args.after !== null) {
    page.andWhere(`${sortColumn} > :afterCursor`, { afterCursor: decodeCursor(args.after) });
  }
  const rows = size === 0 ? [] : await page.getMany();
  const nodes = rows.slice(0, size);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(sortValueOf(node)), node }));
  return {
    nodes,
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}

/**
 * A page of a list computed in memory, in the list's order. The cursor is a position in the list:
 * pages of the same list (the same data map, persons and day) follow on exactly.
 */
export function paginateList<T, V>(items: readonly T[], args: PageArgs, view: (item: T) => V): Page<V> {
  const { start, size } = pagePositions(args);
  return pageAt(items.slice(start, start + size), start, items.length, view);
}

/** Where the page paginateList would return starts in the list, and how many items it holds at most. */
export function pagePositions(args: PageArgs): { start: number; size: number } {
  return { start: args.after === undefined || args.after === null ? 0 : positionAfter(args.after), size: pageSize(args.first) };
}

/**
 * The page of a list that is not kept whole: `window` holds its items from position `start` on
 * (as many as pagePositions says, or fewer at the end), of `totalCount` in all.
 */
export function pageAt<T, V>(window: readonly T[], start: number, totalCount: number, view: (item: T) => V): Page<V> {
  const nodes = window.map(view);
  const edges = nodes.map((node, offset) => ({ cursor: encodeCursor(String(start + offset + 1)), node }));
  return {
    nodes,
    edges,
    pageInfo: { hasNextPage: start + nodes.length < totalCount, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}

function positionAfter(cursor: string): number {
  const position = decodeCursor(cursor);
  if (!/^\d{1,9}$/.test(position)) throw new FlowmapError(ErrorCode.BAD_USER_INPUT, `after: '${cursor}' is not a cursor from this list`, { field: 'after' });
  return Number(position);
}
