import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  seq: number;
  at: string;
  actor: string;
  operation: string;
  entityType: string;
  entityKey: string;
  before: unknown;
  after: unknown;
}

/** JSON with object keys sorted, so that the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function chainHash(previousHash: string, content: AuditContent): string {
  return createHash('sha256').update(previousHash).update('\n').update(canonicalJson(content)).digest('hex');
}

export interface ChainedEntry extends AuditContent {
  previousHash: string;
  hash: string;
}

/** Where a chain stands: the last entry checked, or the start before entry 1. */
export interface ChainPosition {
  seq: number;
  hash: string;
}

export const CHAIN_START: ChainPosition = { seq: 0, hash: GENESIS_HASH };

/**
 * The first entry whose number, link or hash does not match, or null when the chain is whole.
 * `after` lets a long chain be checked in pieces: pass the last entry of the piece before.
 */
export function firstBrokenLink(entries: Iterable<ChainedEntry>, after: ChainPosition = CHAIN_START): { seq: number; reason: string } | null {
  let expectedPrevious = after.hash;
  let expectedSeq = after.seq + 1;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) {
      return { seq: entry.seq, reason: `entry ${expectedSeq} is missing` };
    }
    if (entry.previousHash !== expectedPrevious) {
      return { seq: entry.seq, reason: 'previous hash does not match the entry before it' };
    }
    const { previousHash, hash, ...content } = entry;
    if (chainHash(previousHash, content) !== hash) {
      return { seq: entry.seq, reason: 'content does not match its hash' };
    }
    expectedPrevious = hash;
    expectedSeq = entry.seq + 1;
  }
  return null;
}
