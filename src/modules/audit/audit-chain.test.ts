import { describe, expect, it } from 'vitest';
import { ChainVersion, firstBrokenLink, GENESIS_HASH, keyedChainHash, legacyChainHash, type ChainedEntry, type ChainRules } from './audit-chain';
import { isSignedWith, parseCheckpointFile, checkpointFileText, signCheckpoint } from './audit-checkpoint';
import { auditKeyFrom } from './audit-key';

const key = auditKeyFrom('k'.repeat(43));
const otherKey = auditKeyFrom('o'.repeat(43));

/** `length` entries, the first `legacy` of them chained as before the key existed. */
function chain(length: number, legacy = 0): ChainedEntry[] {
  const entries: ChainedEntry[] = [];
  let previousHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq += 1) {
    const content = { seq, at: '2026-01-01T00:00:00.000Z', actor: 'test', operation: 'create', entityType: 'party', entityKey: `p${seq}`, before: null, after: { seq } };
    const chainVersion = seq <= legacy ? ChainVersion.LEGACY : ChainVersion.KEYED;
    const hash = chainVersion === ChainVersion.LEGACY ? legacyChainHash(previousHash, content) : keyedChainHash(key, previousHash, content);
    entries.push({ ...content, chainVersion, previousHash, hash });
    previousHash = hash;
  }
  return entries;
}

const keyed: ChainRules = { key, legacyUntilSeq: 0 };

describe('firstBrokenLink', () => {
  it('checks a chain in pieces as it checks it whole', () => {
    const entries = chain(10);
    expect(firstBrokenLink(entries, keyed)).toBeNull();
    expect(firstBrokenLink(entries.slice(4), keyed, { seq: 4, hash: entries[3].hash })).toBeNull();
  });

  it('names the first entry changed, missing or out of place', () => {
    const entries = chain(6);
    expect(firstBrokenLink(entries.map((entry) => (entry.seq === 3 ? { ...entry, actor: 'mallory' } : entry)), keyed)).toEqual({
      seq: 3,
      reason: 'content does not match its hash',
    });
    expect(firstBrokenLink(entries.filter((entry) => entry.seq !== 4), keyed)).toEqual({ seq: 5, reason: 'entry 4 is missing' });
    expect(firstBrokenLink(entries.slice(1), keyed)).toEqual({ seq: 2, reason: 'entry 1 is missing' });
    expect(firstBrokenLink(entries.slice(3), keyed, { seq: 3, hash: GENESIS_HASH })).toEqual({ seq: 4, reason: 'previous hash does not match the entry before it' });
  });

  it('needs the key: a chain keyed with another key does not verify', () => {
    expect(firstBrokenLink(chain(3), { key: otherKey, legacyUntilSeq: 0 })).toEqual({ seq: 1, reason: 'content does not match its hash' });
  });

  it('accepts unkeyed entries only up to where the log was keyed', () => {
    const entries = chain(6, 3);
    expect(firstBrokenLink(entries, { key, legacyUntilSeq: 3 })).toBeNull();
    // The same chain read as if it had been keyed from the start: its first entries are forgeries.
    expect(firstBrokenLink(entries, keyed)).toEqual({ seq: 1, reason: 'entry is not keyed, but every entry after 0 must be' });
    // A plain-hash entry appended after the keyed ones links correctly and is still refused.
    const last = entries[entries.length - 1];
    const content = { seq: 7, at: last.at, actor: 'mallory', operation: 'create', entityType: 'party', entityKey: 'forged', before: null, after: null };
    const forged = { ...content, chainVersion: ChainVersion.LEGACY, previousHash: last.hash, hash: legacyChainHash(last.hash, content) };
    expect(firstBrokenLink([...entries, forged], { key, legacyUntilSeq: 3 })).toEqual({ seq: 7, reason: 'entry is not keyed, but every entry after 3 must be' });
  });
});

describe('checkpoints', () => {
  it('are signed with the key, and a changed field breaks the signature', () => {
    const checkpoint = signCheckpoint(key, { seq: 6, hash: chain(6)[5].hash }, new Date('2026-12-02T08:00:00Z'));
    expect(isSignedWith(key, checkpoint)).toBe(true);
    expect(isSignedWith(otherKey, checkpoint)).toBe(false);
    expect(isSignedWith(key, { ...checkpoint, seq: 5 })).toBe(false);
    expect(isSignedWith(key, { ...checkpoint, signature: 'not hex' })).toBe(false);
  });

  it('round-trip through their file, and a bad file names its field', () => {
    const checkpoint = signCheckpoint(key, { seq: 0, hash: GENESIS_HASH }, new Date('2026-12-02T08:00:00Z'));
    expect(parseCheckpointFile(checkpointFileText(checkpoint))).toEqual(checkpoint);
    expect(parseCheckpointFile('{')).toEqual({ problem: 'is not JSON' });
    expect(parseCheckpointFile(checkpointFileText({ ...checkpoint, hash: 'abc' }))).toEqual({ problem: 'hash: expected 64 hex digits' });
  });
});
