/**
 * Runs tasks one after another and returns their results as Promise.all would. Queries on one
 * transaction share one connection, which runs them one at a time anyway; queuing them on it at
 * once is deprecated by pg.
 */
export async function inSequence<const T extends readonly (() => Promise<unknown>)[]>(
  tasks: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = [];
  for (const task of tasks) results.push(await task());
  return results as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
