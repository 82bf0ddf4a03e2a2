import type { EntityManager } from 'typeorm';

/** Consents are proof of what persons agreed to (GDPR Art. 7(1)): their subject may not vanish under them. */
export async function consentReferrers(manager: EntityManager, column: 'activity_id' | 'flow_id', id: string): Promise<string[]> {
  const [row] = (await manager.query(`SELECT count(*)::int AS n FROM consent WHERE ${column} = $1`, [id])) as { n: number }[];
  return row.n > 0 ? [`${row.n} consent(s)`] : [];
}
