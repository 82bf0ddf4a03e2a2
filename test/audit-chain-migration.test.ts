import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../src/db/database';
import type { Database } from '../src/db/data-source';
import { GENESIS_HASH, legacyChainHash } from '../src/modules/audit/audit-chain';
import { auditKeyFrom, generateAuditKeyText } from '../src/modules/audit/audit-key';
import { verifyAuditLog } from '../src/modules/audit/audit-log.service';
import { createToken } from '../src/modules/auth/api-token.service';
import { Role } from '../src/modules/auth/role';
import { createDatabaseBefore, type LegacyDatabase } from './support/legacy-database';

const KEYING_MIGRATION = '20261202_0013_audit_role.sql';
let legacy: LegacyDatabase;
let database: Database;

/** Entries as the server wrote them before the chain was keyed: plain SHA-256, no chain version. */
async function writeLegacyEntries(count: number): Promise<void> {
  let previousHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq += 1) {
    const content = { seq, at: new Date(Date.UTC(2026, 0, seq)).toISOString(), actor: 'flowmap', operation: 'create', entityType: 'party', entityKey: `legacy-${seq}`, before: null, after: { key: `legacy-${seq}` } };
    const hash = legacyChainHash(previousHash, content);
    await legacy.asOwner(
      `INSERT INTO audit_entry (seq, at, actor, operation, entity_type, entity_key, before, after, previous_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, 'null', $7, $8, $9)`,
      [seq, content.at, content.actor, content.operation, content.entityType, content.entityKey, JSON.stringify(content.after), previousHash, hash],
    );
    previousHash = hash;
  }
}

beforeAll(async () => {
  // The schema as it was before the chain was keyed, with a log in it.
  legacy = await createDatabaseBefore(KEYING_MIGRATION);
  await writeLegacyEntries(3);
  database = await prepareDatabase(legacy.url, { poolSize: 2, auditKey: auditKeyFrom(generateAuditKeyText()) });
});
afterAll(async () => {
  await database?.dataSource.destroy();
  await legacy?.drop();
});

describe('keying an audit log that has entries', () => {
  it('keeps the entries written before the key verifying, and keys the ones after', async () => {
    expect(await legacy.asOwner('SELECT legacy_until_seq FROM audit_chain_legacy')).toEqual([{ legacy_until_seq: '3' }]);
    expect(await verifyAuditLog(database.dataSource)).toMatchObject({ valid: true, entriesChecked: 3, legacyEntries: 3 });
    await createToken(database.dataSource, 'after-the-key', Role.VIEWER);
    expect(await verifyAuditLog(database.dataSource)).toMatchObject({ valid: true, entriesChecked: 4, legacyEntries: 3, head: { seq: 4 } });
    expect(await legacy.asOwner('SELECT seq, chain_version FROM audit_entry ORDER BY seq')).toEqual([
      { seq: '1', chain_version: 1 },
      { seq: '2', chain_version: 1 },
      { seq: '3', chain_version: 1 },
      { seq: '4', chain_version: 2 },
    ]);
  });

  it('refuses a writer that does not say how it chains (a server from before the key)', async () => {
    await expect(
      legacy.asOwner(`INSERT INTO audit_entry (seq, at, actor, operation, entity_type, entity_key, previous_hash, hash) VALUES (99, now(), 'old', 'create', 'party', 'x', 'a', 'b')`),
    ).rejects.toThrow(/null value in column "chain_version"/);
  });

  it('shows a rewrite of the unkeyed entries at the first keyed entry, whose hash covers them', async () => {
    const rows = await legacy.asOwner<{ seq: string; at: Date; actor: string; operation: string; entity_type: string; entity_key: string; before: unknown; after: unknown; hash: string }>(
      'SELECT * FROM audit_entry WHERE seq <= 3 ORDER BY seq',
    );
    const client = new Client({ connectionString: legacy.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE audit_entry DISABLE TRIGGER USER');
      let previousHash = GENESIS_HASH;
      for (const row of rows) {
        const content = { seq: Number(row.seq), at: row.at.toISOString(), actor: 'mallory', operation: row.operation, entityType: row.entity_type, entityKey: row.entity_key, before: row.before, after: row.after };
        const hash = legacyChainHash(previousHash, content);
        await client.query('UPDATE audit_entry SET actor = $1, previous_hash = $2, hash = $3 WHERE seq = $4', ['mallory', previousHash, hash, row.seq]);
        previousHash = hash;
      }
      await client.query('ALTER TABLE audit_entry ENABLE TRIGGER USER');
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    expect(await verifyAuditLog(database.dataSource)).toMatchObject({ valid: false, entriesChecked: 3, firstBrokenSeq: 4, reason: 'previous hash does not match the entry before it' });
  });
});
