import type { DataSource } from 'typeorm';

/** The number of rows in each table of the public schema: what a test compares to show nothing was written. */
export async function rowCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const tables = (await dataSource.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) as { tablename: string }[];
  const counts: Record<string, number> = {};
  for (const { tablename } of tables) {
    const [{ n }] = (await dataSource.query(`SELECT count(*)::int AS n FROM "${tablename}"`)) as { n: number }[];
    counts[tablename] = n;
  }
  return counts;
}
