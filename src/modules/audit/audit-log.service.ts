import type { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, FlowmapError } from '../../common/errors';
import { decodeCursor, encodeCursor, pageDirection, type BidirectionalPageArgs, type Page } from '../../common/pagination';
import { CHAIN_START, firstBrokenLink, type ChainedEntry, type ChainPosition, type ChainRules } from './audit-chain';
import { isSignedWith, signCheckpoint, type AuditCheckpoint } from './audit-checkpoint';
import { auditKeyOf } from './audit-key';

export interface AuditLogFilterInput {
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
  /** The last entry found intact: the head of the log when it is valid. */
  head: ChainPosition;
  /** How many entries, from the first, predate the key and are chained by plain SHA-256 only. */
  legacyEntries: number;
  /** Whether the log still holds the checkpoint's entry with its hash; null when none was given. */
  matchesCheckpoint: boolean | null;
  /** A signed checkpoint of the head, to keep elsewhere; null when the log is broken (it would vouch for the break). */
  checkpoint: AuditCheckpoint | null;
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
  chainVersion: number;
  previousHash: string;
  hash: string;
}

const COLUMNS = `seq, at, actor, operation, entity_type AS "entityType", entity_key AS "entityKey", before, after,
  chain_version AS "chainVersion", previous_hash AS "previousHash", hash`;

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
    chainVersion: row.chainVersion,
    previousHash: row.previousHash,
    hash: row.hash,
  };
}

function seqAt(cursor: string, field: 'after' | 'before'): string {
  const seq = decodeCursor(cursor, field);
  if (!/^[1-9][0-9]{0,17}$/.test(seq)) {
    throw new FlowmapError(ErrorCode.BAD_USER_INPUT, `${field}: '${cursor}' is not a cursor from the audit log`, { field });
  }
  return seq;
}

/**
 * The audit log in the order it was written, filtered, a page at a time: forward from the start or
 * `after` an entry, or backward from the end or `before` one (the latest entries first asked for).
 */
export async function listAuditEntries(dataSource: DataSource, filter: AuditLogFilterInput, page: BidirectionalPageArgs): Promise<Page<ChainedEntry>> {
  const { backward, size, cursor, cursorField } = pageDirection(page);
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
  let moreTheOtherWay = false;
  if (cursor !== undefined) {
    const seq = seqAt(cursor, cursorField);
    const beyond = [...conditions, `seq ${backward ? '>=' : '<='} $${parameters.length + 1}`].join(' AND ');
    const [{ exists }] = (await dataSource.query(`SELECT EXISTS (SELECT 1 FROM audit_entry WHERE ${beyond}) AS exists`, [...parameters, seq])) as { exists: boolean }[];
    moreTheOtherWay = exists;
    where('seq', backward ? '<' : '>', seq);
  }
  const rows = (await dataSource.query(`SELECT ${COLUMNS} FROM audit_entry ${whereClause()} ORDER BY seq ${backward ? 'DESC' : 'ASC'} LIMIT ${size + 1}`, parameters)) as AuditRow[];
  const kept = rows.slice(0, size);
  const nodes = (backward ? kept.reverse() : kept).map(chainedEntry);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(String(node.seq)), node }));
  const moreThisWay = rows.length > size;
  const pageInfo = {
    hasNextPage: backward ? moreTheOtherWay : moreThisWay,
    hasPreviousPage: backward ? moreThisWay : moreTheOtherWay,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  };
  return { nodes, edges, pageInfo, totalCount: total };
}

async function chainRules(manager: EntityManager): Promise<ChainRules> {
  const [{ legacyUntilSeq }] = (await manager.query('SELECT legacy_until_seq AS "legacyUntilSeq" FROM audit_chain_legacy')) as { legacyUntilSeq: string }[];
  return { key: auditKeyOf(manager.connection), legacyUntilSeq: Number(legacyUntilSeq) };
}

/** A checkpoint not signed with this server's key proves nothing: refused, naming the field. */
function checkedCheckpoint(dataSource: DataSource, checkpoint: AuditCheckpoint | undefined): AuditCheckpoint | undefined {
  if (checkpoint === undefined) return undefined;
  if (!isSignedWith(auditKeyOf(dataSource), checkpoint)) {
    throw new FlowmapError(
      ErrorCode.BAD_USER_INPUT,
      'checkpoint.signature: the checkpoint is not signed with this audit key (it was altered, or taken by another Flowmap)',
      { field: 'checkpoint.signature' },
    );
  }
  return checkpoint;
}

/**
 * Recomputes the chain from the first entry to the last, in one snapshot, and reports the first
 * entry that was changed, removed or inserted. Keyed entries can only be recomputed with the
 * audit key, so whoever lacks it cannot rewrite the log and recompute the hashes after.
 *
 * Entries removed from the end leave a shorter chain that is whole: only a `checkpoint` taken
 * before shows them, because the log must still hold the checkpoint's entry with its hash. That
 * also shows a rewrite at or before the checkpoint's entry by someone who holds the key.
 */
export async function verifyAuditLog(dataSource: DataSource, checkpoint?: AuditCheckpoint): Promise<AuditVerification> {
  const anchor = checkedCheckpoint(dataSource, checkpoint);
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    const rules = await chainRules(manager);
    const legacyEntries = async (): Promise<number> => {
      const [{ count }] = (await manager.query('SELECT count(*)::int AS count FROM audit_entry WHERE seq <= $1', [rules.legacyUntilSeq])) as { count: number }[];
      return count;
    };
    const broken = (entriesChecked: number, head: ChainPosition, seq: number, reason: string, matchesCheckpoint: boolean | null) => async (): Promise<AuditVerification> => ({
      valid: false, entriesChecked, firstBrokenSeq: seq, reason, head, legacyEntries: await legacyEntries(), matchesCheckpoint, checkpoint: null,
    });
    let position: ChainPosition = CHAIN_START;
    let entriesChecked = 0;
    let matchesCheckpoint: boolean | null = anchor ? anchor.seq === 0 && anchor.hash === CHAIN_START.hash : null;
    for (;;) {
      const rows = (await manager.query(`SELECT ${COLUMNS} FROM audit_entry WHERE seq > $1 ORDER BY seq LIMIT ${VERIFY_BATCH_SIZE}`, [
        position.seq,
      ])) as AuditRow[];
      if (rows.length === 0) break;
      const entries = rows.map(chainedEntry);
      const brokenLink = firstBrokenLink(entries, rules, position);
      const intact = brokenLink ? entries.findIndex((entry) => entry.seq === brokenLink.seq) : entries.length;
      const anchored = anchor ? entries.slice(0, intact).find((entry) => entry.seq === anchor.seq) : undefined;
      if (anchor && anchored) matchesCheckpoint = anchored.hash === anchor.hash;
      if (brokenLink) {
        const head = intact > 0 ? { seq: entries[intact - 1].seq, hash: entries[intact - 1].hash } : position;
        return broken(entriesChecked + intact, head, brokenLink.seq, brokenLink.reason, matchesCheckpoint)();
      }
      entriesChecked += entries.length;
      const last = entries[entries.length - 1];
      position = { seq: last.seq, hash: last.hash };
    }
    if (anchor && position.seq < anchor.seq) {
      const missing = position.seq + 1 === anchor.seq ? `entry ${anchor.seq} is` : `entries ${position.seq + 1} to ${anchor.seq} are`;
      return broken(entriesChecked, position, position.seq + 1, `${missing} missing: the log ends at entry ${position.seq}, the checkpoint of ${anchor.takenAt} holds entry ${anchor.seq}`, false)();
    }
    if (anchor && matchesCheckpoint === false) {
      return broken(entriesChecked, position, anchor.seq, `entry ${anchor.seq} differs from the checkpoint of ${anchor.takenAt}: it or an entry before it was rewritten`, false)();
    }
    return {
      valid: true,
      entriesChecked,
      firstBrokenSeq: null,
      reason: null,
      head: position,
      legacyEntries: await legacyEntries(),
      matchesCheckpoint,
      checkpoint: signCheckpoint(rules.key, position, new Date()),
    };
  });
}
