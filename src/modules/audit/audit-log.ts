import type { EntityManager } from 'typeorm';
import { ChainVersion, GENESIS_HASH, keyedChainHash, type AuditContent } from './audit-chain';
import { auditKeyOf } from './audit-key';

export interface Change {
  operation: string;
  entityType: string;
  entityKey: string;
  before: unknown;
  after: unknown;
}

// Any fixed number: one writer at a time extends the chain.
export const AUDIT_CHAIN_LOCK_ID = 727_274_002;

/**
 * A value as jsonb gives it back (dates as strings, no undefined), so that the hash computed now is
 * the one verifyAuditLog computes from the stored row.
 */
function asStored(value: unknown): unknown {
  return value === undefined || value === null ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

/**
 * Appends changes to the audit log inside the caller's transaction, so that a change and its
 * audit entry commit or roll back together. Each entry is keyed with the audit key of the
 * connection (HMAC-SHA-256 over the previous hash and the content).
 */
export async function recordChanges(manager: EntityManager, actor: string, changes: Change[]): Promise<void> {
  if (changes.length === 0) return;
  const key = auditKeyOf(manager.connection);
  await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK_ID]);
  const [last] = (await manager.query('SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1')) as {
    seq: string;
    hash: string;
  }[];
  let seq = last ? Number(last.seq) : 0;
  let previousHash = last ? last.hash : GENESIS_HASH;
  const at = new Date().toISOString();
  const rows = changes.map((change) => {
    seq += 1;
    const content: AuditContent = { seq, at, actor, ...change, before: asStored(change.before), after: asStored(change.after) };
    const hash = keyedChainHash(key, previousHash, content);
    const row = { ...content, previousHash, hash };
    previousHash = hash;
    return row;
  });
  await manager.query(
    `INSERT INTO audit_entry (seq, at, actor, operation, entity_type, entity_key, before, after, previous_hash, hash, chain_version)
     SELECT *, ${ChainVersion.KEYED} FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[],
                          $7::jsonb[], $8::jsonb[], $9::text[], $10::text[])`,
    [
      rows.map((row) => row.seq),
      rows.map((row) => row.at),
      rows.map((row) => row.actor),
      rows.map((row) => row.operation),
      rows.map((row) => row.entityType),
      rows.map((row) => row.entityKey),
      rows.map((row) => JSON.stringify(row.before)),
      rows.map((row) => JSON.stringify(row.after)),
      rows.map((row) => row.previousHash),
      rows.map((row) => row.hash),
    ],
  );
}
