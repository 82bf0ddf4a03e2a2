import { timingSafeEqual } from 'node:crypto';
import { canonicalJson, type ChainPosition } from './audit-chain';
import { keyedHash, type AuditKey } from './audit-key';

/**
 * Where the audit log stood at a moment, signed with the audit key. Kept somewhere the database's
 * administrators cannot write (a ticket, a repository, a mail to the DPO), it lets a later check
 * tell that the log was cut back or rewritten up to that entry, which the chain alone cannot:
 * removing the last entries leaves a shorter chain that is whole.
 */
export interface AuditCheckpoint extends ChainPosition {
  /** When it was taken (ISO 8601). */
  takenAt: string;
  /** HMAC-SHA-256 of the other fields under the audit key, in hex. */
  signature: string;
}

export const CHECKPOINT_FORMAT = 'flowmap-audit-checkpoint';

function signedText(checkpoint: Omit<AuditCheckpoint, 'signature'>): string {
  return `${CHECKPOINT_FORMAT}-v1\n${canonicalJson({ seq: checkpoint.seq, hash: checkpoint.hash, takenAt: checkpoint.takenAt })}`;
}

export function signCheckpoint(key: AuditKey, head: ChainPosition, takenAt: Date): AuditCheckpoint {
  const unsigned = { seq: head.seq, hash: head.hash, takenAt: takenAt.toISOString() };
  return { ...unsigned, signature: keyedHash(key, signedText(unsigned)) };
}

export function isSignedWith(key: AuditKey, checkpoint: AuditCheckpoint): boolean {
  const expected = Buffer.from(keyedHash(key, signedText(checkpoint)), 'hex');
  const given = /^[0-9a-f]{64}$/.test(checkpoint.signature) ? Buffer.from(checkpoint.signature, 'hex') : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The checkpoint as a file: JSON, one field a line. */
export function checkpointFileText(checkpoint: AuditCheckpoint): string {
  return `${JSON.stringify({ format: CHECKPOINT_FORMAT, ...checkpoint }, null, 2)}\n`;
}

/** The checkpoint in a file's text, or the problem with it (naming the field). */
export function parseCheckpointFile(text: string): AuditCheckpoint | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'is not JSON' };
  }
  if (value === null || typeof value !== 'object') return { problem: 'is not a JSON object' };
  const fields = value as Record<string, unknown>;
  if (fields.format !== CHECKPOINT_FORMAT) return { problem: `format: expected '${CHECKPOINT_FORMAT}'` };
  if (!Number.isSafeInteger(fields.seq) || (fields.seq as number) < 0) return { problem: 'seq: expected a whole number' };
  if (typeof fields.hash !== 'string' || !/^[0-9a-f]{64}$/.test(fields.hash)) return { problem: 'hash: expected 64 hex digits' };
  if (typeof fields.takenAt !== 'string' || Number.isNaN(Date.parse(fields.takenAt))) return { problem: 'takenAt: expected an ISO 8601 timestamp' };
  if (typeof fields.signature !== 'string') return { problem: 'signature: expected a string' };
  return { seq: fields.seq as number, hash: fields.hash, takenAt: fields.takenAt, signature: fields.signature };
}
