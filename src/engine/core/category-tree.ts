import type { SnapshotIndex } from './snapshot-index';

/** Whether `categoryId` is one of `ancestorIds` or lies under one of them in the category tree. */
export function isWithinAny(index: SnapshotIndex, categoryId: string, ancestorIds: ReadonlySet<string>): boolean {
  return (index.ancestorsOrSelf.get(categoryId) ?? [categoryId]).some((ancestorId) => ancestorIds.has(ancestorId));
}

/**
 * The categories a flow naming `namedIds` carries out of a sender that holds `heldIds`, sorted.
 * Of every held and named pair where one lies within the other, the more specific one travels:
 * a flow naming `contact` carries the `contact.email` the sender holds, and a flow naming
 * `contact.email` carries just that out of a sender holding all of `contact`.
 */
export function carriedCategories(index: SnapshotIndex, heldIds: readonly string[], namedIds: readonly string[]): string[] {
  const held = new Set(heldIds);
  const named = new Set(namedIds);
  const carried = new Set<string>();
  for (const categoryId of held) if (isWithinAny(index, categoryId, named)) carried.add(categoryId);
  for (const categoryId of named) if (isWithinAny(index, categoryId, held)) carried.add(categoryId);
  return [...carried].sort();
}

/**
 * Whether `categoryIds` include `categoryId`, a category under it (part of it), or one above it
 * (all of `contact` includes `contact.phone`).
 */
export function includesCategory(index: SnapshotIndex, categoryIds: readonly string[], categoryId: string): boolean {
  const asked = new Set([categoryId]);
  return isWithinAny(index, categoryId, new Set(categoryIds)) || categoryIds.some((carriedId) => isWithinAny(index, carriedId, asked));
}
