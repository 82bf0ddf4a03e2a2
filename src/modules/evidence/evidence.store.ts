import type { EntityManager } from 'typeorm';
import { isCalendarDate } from '../../common/dates';
import type { ProblemList } from '../../common/errors';
import type { EvidenceEntry } from '../../domain/inventory-document';
import { EVIDENCE_KINDS_BY_OWNER, type EvidenceOwner } from '../../domain/evidence-kind';

const OWNER_COLUMN: Record<EvidenceOwner, string> = { party: 'party_id', activity: 'activity_id', flow: 'flow_id' };

export function validateEvidence(entries: EvidenceEntry[], owner: EvidenceOwner, at: string, problems: ProblemList): void {
  entries.forEach((entry, index) => {
    const field = `${at}.evidence[${index}]`;
    if (!EVIDENCE_KINDS_BY_OWNER[owner].includes(entry.kind)) {
      problems.add(`${field}.kind`, `${entry.kind} is not evidence a ${owner} can hold (allowed: ${EVIDENCE_KINDS_BY_OWNER[owner].join(', ')})`);
    }
    if (!isCalendarDate(entry.datedOn)) problems.add(`${field}.datedOn`, `'${entry.datedOn}' is not a date (YYYY-MM-DD)`);
    const expiresOn = entry.expiresOn ?? null;
    if (expiresOn !== null) {
      if (!isCalendarDate(expiresOn)) problems.add(`${field}.expiresOn`, `'${expiresOn}' is not a date (YYYY-MM-DD)`);
      else if (expiresOn < entry.datedOn) problems.add(`${field}.expiresOn`, `${expiresOn} is before datedOn ${entry.datedOn}`);
    }
  });
}

/** Evidence of each owner, in a stable order, keyed by owner id. */
export async function readEvidence(manager: EntityManager, owner: EvidenceOwner, ownerIds: string[] | null): Promise<Map<string, EvidenceEntry[]>> {
  const column = OWNER_COLUMN[owner];
  const rows = (await manager.query(
    `SELECT ${column} AS owner_id, kind, dated_on, expires_on, reference FROM evidence
     WHERE ${column} IS NOT NULL AND mechanism_position IS NULL ${ownerIds ? `AND ${column} = ANY($1::uuid[])` : ''}
     ORDER BY kind, dated_on, reference NULLS FIRST`,
    ownerIds ? [ownerIds] : [],
  )) as { owner_id: string; kind: EvidenceEntry['kind']; dated_on: string; expires_on: string | null; reference: string | null }[];
  const byOwner = new Map<string, EvidenceEntry[]>();
  for (const row of rows) {
    const list = byOwner.get(row.owner_id) ?? [];
    list.push({ kind: row.kind, datedOn: row.dated_on, expiresOn: row.expires_on, reference: row.reference });
    byOwner.set(row.owner_id, list);
  }
  return byOwner;
}

export async function replaceEvidence(manager: EntityManager, owner: EvidenceOwner, ownerId: string, entries: EvidenceEntry[]): Promise<void> {
  const column = OWNER_COLUMN[owner];
  await manager.query(`DELETE FROM evidence WHERE ${column} = $1`, [ownerId]);
  if (entries.length === 0) return;
  await manager.query(
    `INSERT INTO evidence (${column}, kind, dated_on, expires_on, reference)
     SELECT $1, * FROM unnest($2::text[], $3::date[], $4::date[], $5::text[])`,
    [
      ownerId,
      entries.map((entry) => entry.kind),
      entries.map((entry) => entry.datedOn),
      entries.map((entry) => entry.expiresOn ?? null),
      entries.map((entry) => entry.reference ?? null),
    ],
  );
}

type EvidenceRow = { owner_id: string; kind: EvidenceEntry['kind']; dated_on: string; expires_on: string | null; reference: string | null };

/** The evidence of each mechanism entry, keyed by `${flowId}/${position}`. */
export async function readMechanismEvidence(manager: EntityManager, flowIds: string[] | null): Promise<Map<string, EvidenceEntry[]>> {
  const rows = (await manager.query(
    `SELECT flow_id || '/' || mechanism_position AS owner_id, kind, dated_on, expires_on, reference FROM evidence
     WHERE mechanism_position IS NOT NULL ${flowIds ? 'AND flow_id = ANY($1::uuid[])' : ''}
     ORDER BY kind, dated_on, reference NULLS FIRST`,
    flowIds ? [flowIds] : [],
  )) as EvidenceRow[];
  const byOwner = new Map<string, EvidenceEntry[]>();
  for (const row of rows) {
    const list = byOwner.get(row.owner_id) ?? [];
    list.push({ kind: row.kind, datedOn: row.dated_on, expiresOn: row.expires_on, reference: row.reference });
    byOwner.set(row.owner_id, list);
  }
  return byOwner;
}

/** Adds the evidence of one mechanism entry of a flow (the entry's row must exist). */
export async function insertMechanismEvidence(manager: EntityManager, flowId: string, position: number, entries: EvidenceEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await manager.query(
    `INSERT INTO evidence (flow_id, mechanism_position, kind, dated_on, expires_on, reference)
     SELECT $1, $2, * FROM unnest($3::text[], $4::date[], $5::date[], $6::text[])`,
    [
      flowId,
      position,
      entries.map((entry) => entry.kind),
      entries.map((entry) => entry.datedOn),
      entries.map((entry) => entry.expiresOn ?? null),
      entries.map((entry) => entry.reference ?? null),
    ],
  );
}
