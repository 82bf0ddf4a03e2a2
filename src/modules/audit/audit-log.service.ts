import type { DataSource } from 'typeorm';
import { ErrorCode, FlowmapError } from '../../common/errors';
import { decodeCursor, encodeCursor, pageSize, type Page, type PageArgs } from '../../common/pagination';
import { CHAIN_START, firstBrokenLink, type ChainedEntry, type ChainPosition } from './audit-chain';

export interface AuditLogFilter {
  entityType?: string | null;
  entityKey?: string | null;
  actor?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export interface AuditVerification {
  valid: boolean;
  entriesChecked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
}

interface AuditRow {
  seq: string;
  at: Date;
  actor: string;
  operation: string;
  entityType: string;
  entityKey: string;
  before: unknown;
  after: unknown;
  previousHash: string;
  hash: string;
}

const COLUMNS = `seq, at, actor, operation, entity_type AS "entityType", entity_key AS "entityKey", before, after,
  previous_hash AS "previousHash", hash`;

/** Entries read per statement while verifying, so that a long log never sits in memory whole. */
const VERIFY_BATCH_SIZE = 5_000;

/** Exactly the hashed content and the links: any other property would change the hash. */
function chainedEntry(row: AuditRow): ChainedEntry {
  return {
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actor: row.actor,
    operation: row.operation,
    entityType: row.entityType,
    entityKey: row.entityKey,
    before: row.before,
    after: row.after,
    previousHash: row.previousHash,
    hash: row.hash,
  };
}

function seqAfter(cursor: string): string {
  const seq = decodeCursor(cursor);
  if (!/^[1-9][0-9]{0,17}$/.test(seq)) {
    throw new FlowmapError(ErrorCode.BAD_USER_INPUT, `after: '${cursor}' is not a cursor from the audit log`, { field: 'after' });
  }
  return seq;
}

/** The audit log in the order it was written, filtered, a page at a time. */
export async function listAuditEntries(dataSource: DataSource, filter: AuditLogFilter, page: PageArgs): Promise<Page<ChainedEntry>> {
  const size = pageSize(page.first);
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  const where = (column: string, operator: string, value: unknown): void => {
    parameters.push(value);
    conditions.push(`${column} ${operator} $${parameters.length}`);
  };
  if (filter.entityType) where('entity_type', '=', filter.entityType);
  if (filter.entityKey) where('entity_key', '=', filter.entityKey);
  if (filter.actor) where('actor', '=', filter.actor);
  if (filter.from) where('at', '>=', filter.from);
  if (filter.to) where('at', '<', filter.to);
  const whereClause = (): string => (conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '');
  const [{ total }] = (await dataSource.query(`SELECT count(*)::int AS total FROM audit_entry ${whereClause()}`, parameters)) as { total: number }[];
  if (page.after !== undefined && page.after !== null) where('seq', '>', seqAfter(page.after));
  const rows = (await dataSource.query(`SELECT ${COLUMNS} FROM audit_entry ${whereClause()} ORDER BY seq LIMIT ${size + 1}`, parameters)) as AuditRow[];
  const nodes = rows.slice(0, size).map(chainedEntry);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(String(node.seq)), node }));
  return { nodes, edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: total };
}

/**
 * Recomputes the hash chain from the first entry to the last, in one snapshot, and reports the
 * first entry that was changed, removed or inserted. Removing entries from the end is the one
 * tampering a chain cannot show: compare `entriesChecked` with a count kept elsewhere for that.
 */
export async function verifyAuditLog(dataSource: DataSource): Promise<AuditVerification> {
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    let position: ChainPosition = CHAIN_START;
    let entriesChecked = 0;
    for (;;) {
      const rows = (await manager.query(`SELECT ${COLUMNS} FROM audit_entry WHERE seq > $1 ORDER BY seq LIMIT ${VERIFY_BATCH_SIZE}`, [
        position.seq,
      ])) as AuditRow[];
      if (rows.length === 0) return { valid: true, entriesChecked, firstBrokenSeq: null, reason: null };
      const entries = rows.map(chainedEntry);
      const broken = firstBrokenLink(entries, position);
      if (broken) {
        const intact = entries.findIndex((entry) => entry.seq === broken.seq);
        return { valid: false, entriesChecked: entriesChecked + intact, firstBrokenSeq: broken.seq, reason: broken.reason };
      }
      entriesChecked += entries.length;
      const last = entries[entries.length - 1];
      position = { seq: last.seq, hash: last.hash };
    }
  });
}
