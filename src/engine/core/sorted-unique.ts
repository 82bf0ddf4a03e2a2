/** The values without repeats, sorted: how the engine keeps ids and country codes comparable. */
export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}
