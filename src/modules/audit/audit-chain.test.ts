import { describe, expect, it } from 'vitest';
import { chainHash, firstBrokenLink, GENESIS_HASH, type ChainedEntry } from './audit-chain';

function chain(length: number): ChainedEntry[] {
  const entries: ChainedEntry[] = [];
  let previousHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq += 1) {
    const content = { seq, at: '2026-01-01T00:00:00.000Z', actor: 'test', operation: 'create', entityType: 'party', entityKey: `p${seq}`, before: null, after: { seq } };
    const hash = chainHash(previousHash, content);
    entries.push({ ...content, previousHash, hash });
    previousHash = hash;
  }
  return entries;
}

describe('firstBrokenLink', () => {
  it('checks a chain in pieces as it checks it whole', () => {
    const entries = chain(10);
    expect(firstBrokenLink(entries)).toBeNull();
    expect(firstBrokenLink(entries.slice(4), { seq: 4, hash: entries[3].hash })).toBeNull();
  });

  it('names the first entry changed, missing or out of place', () => {
    const entries = chain(6);
    expect(firstBrokenLink(entries.map((entry) => (entry.seq === 3 ? { ...entry, actor: 'mallory' } : entry)))).toEqual({
      seq: 3,
      reason: 'content does not match its hash',
    });
    expect(firstBrokenLink(entries.filter((entry) => entry.seq !== 4))).toEqual({ seq: 5, reason: 'entry 4 is missing' });
    expect(firstBrokenLink(entries.slice(1))).toEqual({ seq: 2, reason: 'entry 1 is missing' });
    expect(firstBrokenLink(entries.slice(3), { seq: 3, hash: GENESIS_HASH })).toEqual({ seq: 4, reason: 'previous hash does not match the entry before it' });
  });
});
