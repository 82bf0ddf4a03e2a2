import { createHash } from 'node:crypto';
import { keyedHash, type AuditKey } from './audit-key';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * How an entry is chained. LEGACY entries (written before the chain was keyed) hash with plain
 * SHA-256, which anyone can recompute; KEYED entries with HMAC-SHA-256 under the audit key.
 */
export enum ChainVersion {
  LEGACY = 1,
  KEYED = 2,
}

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

/** The unkeyed hash of the entries written before the chain was keyed. */
export function legacyChainHash(previousHash: string, content: AuditContent): string {
  return createHash('sha256').update(previousHash).update('\n').update(canonicalJson(content)).digest('hex');
}

/**
 * The keyed hash: HMAC-SHA-256 of the previous hash and the content. The prefix names the version,
 * so that no text hashed for another purpose (a checkpoint, a later version) can pass for an entry.
 */
export function keyedChainHash(key: AuditKey, previousHash: string, content: AuditContent): string {
  return keyedHash(key, `flowmap-audit-entry-v2\n${previousHash}\n${canonicalJson(content)}`);
}

export interface ChainedEntry extends AuditContent {
  chainVersion: number;
  previousHash: string;
  hash: string;
}

/** Where a chain stands: the last entry checked, or the start before entry 1. */
export interface ChainPosition {
  seq: number;
  hash: string;
}

export const CHAIN_START: ChainPosition = { seq: 0, hash: GENESIS_HASH };

/** What checking a chain needs besides the entries. */
export interface ChainRules {
  key: AuditKey;
  /** The last entry written before the chain was keyed (0 for a log keyed from its start). */
  legacyUntilSeq: number;
}

/**
 * The first entry whose number, link, version or hash does not match, or null when the chain is
 * whole. `after` lets a long chain be checked in pieces: pass the last entry of the piece before.
 */
export function firstBrokenLink(
  entries: Iterable<ChainedEntry>,
  rules: ChainRules,
  after: ChainPosition = CHAIN_START,
): { seq: number; reason: string } | null {
  let expectedPrevious = after.hash;
  let expectedSeq = after.seq + 1;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) {
      return { seq: entry.seq, reason: `entry ${expectedSeq} is missing` };
    }
    if (entry.previousHash !== expectedPrevious) {
      return { seq: entry.seq, reason: 'previous hash does not match the entry before it' };
    }
    // Only the entries that existed when the chain was keyed may be unkeyed: anyone can compute a
    // plain hash, so an unkeyed entry after them is a forgery however well it links.
    const expectedVersion = entry.seq <= rules.legacyUntilSeq ? ChainVersion.LEGACY : ChainVersion.KEYED;
    if ((entry.chainVersion as ChainVersion) !== expectedVersion) {
      return {
        seq: entry.seq,
        reason: expectedVersion === ChainVersion.KEYED
          ? `entry is not keyed, but every entry after ${rules.legacyUntilSeq} must be`
          : `entry claims chain version ${entry.chainVersion}, but entries up to ${rules.legacyUntilSeq} predate the key`,
      };
    }
    const { previousHash, hash, chainVersion, ...content } = entry;
    const recomputed = (chainVersion as ChainVersion) === ChainVersion.LEGACY ? legacyChainHash(previousHash, content) : keyedChainHash(rules.key, previousHash, content);
    if (recomputed !== hash) {
      return { seq: entry.seq, reason: 'content does not match its hash' };
    }
    expectedPrevious = hash;
    expectedSeq = entry.seq + 1;
  }
  return null;
}
