import type { Client } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ChainVersion, keyedChainHash, legacyChainHash, type AuditContent } from '../src/modules/audit/audit-chain';
import { Role } from '../src/modules/auth/role';
import { CREATE, makeParty, makeSubject } from './support/factories';
import { startTestServer, type TestServer } from './support/test-server';

let api: TestServer;

interface AuditPage {
  auditLog: {
    nodes: { seq: number; actor: string; operation: string; entityType: string; entityKey: string; before: unknown; after: unknown }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
}
const AUDIT_LOG = `query($filter: AuditLogFilterInput, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    nodes { seq at actor operation entityType entityKey before after previousHash hash }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;
const VERIFY = `query($checkpoint: AuditCheckpointInput) {
  verifyAuditLog(checkpoint: $checkpoint) {
    valid entriesChecked firstBrokenSeq reason head { seq hash } legacyEntries matchesCheckpoint checkpoint { seq hash takenAt signature }
  }
}`;

interface Checkpoint {
  seq: number;
  hash: string;
  takenAt: string;
  signature: string;
}
interface Verification {
  valid: boolean;
  entriesChecked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
  head: { seq: number; hash: string };
  legacyEntries: number;
  matchesCheckpoint: boolean | null;
  checkpoint: Checkpoint | null;
}

async function verify(checkpoint?: Checkpoint): Promise<Verification> {
  const result = await (await api.as(Role.AUDITOR)).graphql<{ verifyAuditLog: Verification }>(VERIFY, { checkpoint });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.verifyAuditLog;
}

/** A signed checkpoint of the log as it is now. */
async function checkpointNow(): Promise<Checkpoint> {
  const verification = await verify();
  expect(verification.valid).toBe(true);
  return verification.checkpoint!;
}

interface Row {
  seq: string;
  at: Date;
  actor: string;
  operation: string;
  entity_type: string;
  entity_key: string;
  before: unknown;
  after: unknown;
  chain_version: number;
  previous_hash: string;
  hash: string;
}

const logRows = (): Promise<Row[]> => api.database.asOwner(async (client) => (await client.query<Row>('SELECT * FROM audit_entry ORDER BY seq')).rows);

function contentOf(row: Row): AuditContent {
  return {
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actor: row.actor,
    operation: row.operation,
    entityType: row.entity_type,
    entityKey: row.entity_key,
    before: row.before,
    after: row.after,
  };
}

/** What someone without the key can do: hash with plain SHA-256, as the log did before it was keyed. */
const plainHash = (previousHash: string, row: Row): string => legacyChainHash(previousHash, contentOf(row));

/** Relinks `rows` from index `from` on: each entry's previous hash and its own hash recomputed. */
function rechain(rows: Row[], from: number, hash: (previousHash: string, row: Row) => string): Row[] {
  const result = rows.map((row) => ({ ...row }));
  for (let index = from; index < result.length; index += 1) {
    const previousHash = index === 0 ? '0'.repeat(64) : result[index - 1].hash;
    result[index].previous_hash = previousHash;
    result[index].hash = hash(previousHash, result[index]);
  }
  return result;
}

async function insertRows(client: Client, rows: Row[]): Promise<void> {
  for (const row of rows) {
    await client.query(
      `INSERT INTO audit_entry (seq, at, actor, operation, entity_type, entity_key, before, after, chain_version, previous_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [row.seq, row.at, row.actor, row.operation, row.entity_type, row.entity_key, JSON.stringify(row.before), JSON.stringify(row.after), row.chain_version, row.previous_hash, row.hash],
    );
  }
}

/** Replaces the whole log with `rows`, as the owner of the table can: with its triggers disabled. */
async function replaceLog(rows: Row[]): Promise<void> {
  await api.database.asOwner(async (client) => {
    await client.query('BEGIN');
    await client.query('ALTER TABLE audit_entry DISABLE TRIGGER USER');
    await client.query('DELETE FROM audit_entry');
    await insertRows(client, rows);
    await client.query('ALTER TABLE audit_entry ENABLE TRIGGER USER');
    await client.query('COMMIT');
  });
}

beforeAll(async () => {
  api = await startTestServer();
  const editor = await api.as(Role.EDITOR);
  for (const key of ['alpha', 'bravo', 'charlie', 'delta', 'echo']) {
    expect((await editor.graphql(CREATE.party, { input: makeParty({ key, name: `Party ${key}` }) })).errors).toBeUndefined();
  }
  expect((await editor.graphql('mutation { updateParty(key: "alpha", input: { name: "Alpha AG" }) { version } }')).errors).toBeUndefined();
  // Made now, so that no test adds its token's audit entry.
  await api.as(Role.AUDITOR);
  // More entries, so that ten can go missing from the end with some left.
  for (let index = 1; index <= 12; index += 1) {
    expect((await api.graphql(CREATE.subject, { input: makeSubject({ key: `subject-${index}`, name: `Subject ${index}` }) })).errors).toBeUndefined();
  }
});
afterAll(async () => {
  await api?.stop();
});

describe('the audit log API', () => {
  it('records the token name as the actor of every change', async () => {
    const auditor = await api.as(Role.AUDITOR);
    const { data } = await auditor.graphql<AuditPage>(AUDIT_LOG, { filter: { entityType: 'party', entityKey: 'alpha' } });
    expect(data?.auditLog.nodes.map((entry) => [entry.actor, entry.operation])).toEqual([
      ['test-editor', 'create'],
      ['test-editor', 'update'],
    ]);
    expect(data?.auditLog.nodes[1]).toMatchObject({ before: { name: 'Party alpha' }, after: { name: 'Alpha AG' } });
  });

  it('pages through the log in order, with filters', async () => {
    const seen: number[] = [];
    let after: string | null = null;
    do {
      const result: { data?: AuditPage } = await api.graphql<AuditPage>(AUDIT_LOG, { filter: { actor: 'test-editor' }, first: 2, after });
      expect(result.data?.auditLog.totalCount).toBe(6);
      seen.push(...result.data!.auditLog.nodes.map((entry) => entry.seq));
      after = result.data!.auditLog.pageInfo.hasNextPage ? result.data!.auditLog.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(6);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    const future = await api.graphql<AuditPage>(AUDIT_LOG, { filter: { from: new Date(Date.now() + 60_000).toISOString() } });
    expect(future.data?.auditLog.totalCount).toBe(0);
    const past = await api.graphql<AuditPage>(AUDIT_LOG, { filter: { to: new Date(Date.now() + 60_000).toISOString(), entityType: 'party' } });
    expect(past.data?.auditLog.totalCount).toBe(6);
  });

  it('refuses a cursor it did not make, and a page too large', async () => {
    const forged = await api.graphql(AUDIT_LOG, { after: Buffer.from('abc').toString('base64url') });
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const huge = await api.graphql(AUDIT_LOG, { first: 501 });
    expect(huge.errors?.[0].extensions?.code).toBe('LIMIT_EXCEEDED');
  });

  it('verifies a whole chain, keyed, and gives its head and a checkpoint of it', async () => {
    const rows = await logRows();
    const last = rows[rows.length - 1];
    expect(rows.every((row) => row.chain_version === ChainVersion.KEYED)).toBe(true);
    const verification = await verify();
    expect(verification).toMatchObject({
      valid: true,
      entriesChecked: rows.length,
      firstBrokenSeq: null,
      reason: null,
      head: { seq: Number(last.seq), hash: last.hash },
      legacyEntries: 0,
      matchesCheckpoint: null,
      checkpoint: { seq: Number(last.seq), hash: last.hash },
    });
    expect(await verify(verification.checkpoint!)).toMatchObject({ valid: true, matchesCheckpoint: true });
  });

  it('refuses a checkpoint that was altered or not signed with its key, naming the field', async () => {
    const checkpoint = await checkpointNow();
    for (const forged of [{ ...checkpoint, seq: checkpoint.seq + 1 }, { ...checkpoint, signature: '0'.repeat(64) }]) {
      const result = await api.graphql(VERIFY, { checkpoint: forged });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'checkpoint.signature' });
    }
  });
});

describe('the server role', () => {
  it('runs every request, and may neither change nor remove an entry, nor alter the table', async () => {
    const query = (sql: string) => api.database.dataSource.query(sql);
    expect(await query('SELECT current_user AS role')).toEqual([{ role: 'flowmap_server' }]);
    await expect(query("UPDATE audit_entry SET actor = 'mallory' WHERE seq = 1")).rejects.toThrow(/permission denied for table audit_entry/);
    await expect(query('DELETE FROM audit_entry WHERE seq = 1')).rejects.toThrow(/permission denied for table audit_entry/);
    await expect(query('TRUNCATE audit_entry')).rejects.toThrow(/permission denied for table audit_entry/);
    await expect(query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete')).rejects.toThrow(/must be owner of (table|relation) audit_entry/);
    await expect(query('ALTER TABLE audit_entry DISABLE TRIGGER ALL')).rejects.toThrow(/must be owner of (table|relation) audit_entry/);
    await expect(query('ALTER TABLE audit_entry ADD COLUMN note text')).rejects.toThrow(/must be owner of (table|relation) audit_entry/);
    await expect(query('DROP TRIGGER audit_entry_no_update_or_delete ON audit_entry')).rejects.toThrow(/must be owner of (table|relation) audit_entry/);
    await expect(query('UPDATE audit_chain_legacy SET legacy_until_seq = 1000')).rejects.toThrow(/permission denied for table audit_chain_legacy/);
    expect((await verify()).valid).toBe(true);
  });

  it('leaves the owner refused by the append-only trigger', async () => {
    await api.database.asOwner(async (client) => {
      await expect(client.query("UPDATE audit_entry SET actor = 'mallory' WHERE seq = 1")).rejects.toThrow(/append-only: UPDATE refused/);
      await expect(client.query('DELETE FROM audit_entry WHERE seq = 1')).rejects.toThrow(/append-only: DELETE refused/);
      await expect(client.query('TRUNCATE audit_entry')).rejects.toThrow(/append-only: TRUNCATE refused/);
    });
  });
});

describe('tampering by the owner, with the triggers disabled', () => {
  let original: Row[];
  beforeAll(async () => {
    original = await logRows();
  });
  afterEach(async () => {
    await replaceLog(original);
    expect((await verify()).valid).toBe(true);
  });

  it('is detected at the entry changed', async () => {
    const seq = Number(original.find((row) => row.entity_key === 'charlie')!.seq);
    await replaceLog(original.map((row) => (Number(row.seq) === seq ? { ...row, actor: 'mallory' } : row)));
    expect(await verify()).toMatchObject({ valid: false, entriesChecked: seq - 1, firstBrokenSeq: seq, reason: 'content does not match its hash' });
  });

  it('is detected when an entry is rewritten and every later hash recomputed', async () => {
    const index = original.findIndex((row) => row.entity_key === 'bravo');
    const rewritten = original.map((row, at) => (at === index ? { ...row, after: { ...(row.after as object), name: 'Bravo, rewritten' } } : row));
    await replaceLog(rechain(rewritten, index, plainHash));
    expect(await verify()).toMatchObject({ valid: false, firstBrokenSeq: index + 1, reason: 'content does not match its hash' });
    // Passed off as entries from before the key: refused as well.
    await replaceLog(rechain(rewritten.map((row) => ({ ...row, chain_version: ChainVersion.LEGACY })), 0, plainHash));
    expect(await verify()).toMatchObject({ valid: false, firstBrokenSeq: 1, reason: 'entry is not keyed, but every entry after 0 must be' });
  });

  it('is detected when the last entry is changed', async () => {
    const last = original.length - 1;
    await replaceLog(rechain(original.map((row, at) => (at === last ? { ...row, actor: 'mallory' } : row)), last, plainHash));
    expect(await verify()).toMatchObject({ valid: false, entriesChecked: last, firstBrokenSeq: last + 1, reason: 'content does not match its hash' });
  });

  it('is detected when an entry is deleted and the later ones renumbered', async () => {
    const index = original.findIndex((row) => row.entity_key === 'delta');
    const renumbered = original.filter((_, at) => at !== index).map((row, at) => ({ ...row, seq: String(at + 1) }));
    await replaceLog(rechain(renumbered, index, plainHash));
    expect(await verify()).toMatchObject({ valid: false, entriesChecked: index, firstBrokenSeq: index + 1, reason: 'content does not match its hash' });
  });

  it('is detected when an entry is removed', async () => {
    const seq = Number(original.find((row) => row.entity_key === 'bravo')!.seq);
    await replaceLog(original.filter((row) => Number(row.seq) !== seq));
    expect(await verify()).toMatchObject({ valid: false, entriesChecked: seq - 1, firstBrokenSeq: seq + 1, reason: `entry ${seq} is missing` });
  });

  it('is detected, against a checkpoint taken before, when the last entry or the last ten are deleted', async () => {
    const checkpoint = await checkpointNow();
    const total = original.length;
    expect(checkpoint.seq).toBe(total);

    await replaceLog(original.slice(0, total - 1));
    // What the chain alone cannot show: a log cut back is a shorter log that is whole.
    expect(await verify()).toMatchObject({ valid: true, head: { seq: total - 1 } });
    expect(await verify(checkpoint)).toMatchObject({
      valid: false,
      firstBrokenSeq: total,
      matchesCheckpoint: false,
      reason: `entry ${total} is missing: the log ends at entry ${total - 1}, the checkpoint of ${checkpoint.takenAt} holds entry ${total}`,
      checkpoint: null,
    });

    await replaceLog(original.slice(0, total - 10));
    expect(await verify(checkpoint)).toMatchObject({
      valid: false,
      firstBrokenSeq: total - 9,
      reason: `entries ${total - 9} to ${total} are missing: the log ends at entry ${total - 10}, the checkpoint of ${checkpoint.takenAt} holds entry ${total}`,
    });
  });

  it('is detected against a checkpoint even when done with the key, which the chain alone cannot show', async () => {
    const checkpoint = await checkpointNow();
    const index = original.findIndex((row) => row.entity_key === 'echo');
    const rewritten = original.map((row, at) => (at === index ? { ...row, actor: 'mallory' } : row));
    await replaceLog(rechain(rewritten, index, (previousHash, row) => keyedChainHash(api.database.auditKey, previousHash, contentOf(row))));
    expect(await verify()).toMatchObject({ valid: true });
    expect(await verify(checkpoint)).toMatchObject({
      valid: false,
      firstBrokenSeq: checkpoint.seq,
      matchesCheckpoint: false,
      reason: `entry ${checkpoint.seq} differs from the checkpoint of ${checkpoint.takenAt}: it or an entry before it was rewritten`,
    });
  });
});

describe('a forged entry inserted with a correct plain hash', () => {
  afterEach(async () => {
    await api.database.asOwner(async (client) => {
      await client.query('BEGIN');
      await client.query('ALTER TABLE audit_entry DISABLE TRIGGER USER');
      await client.query("DELETE FROM audit_entry WHERE actor = 'mallory'");
      await client.query('ALTER TABLE audit_entry ENABLE TRIGGER USER');
      await client.query('COMMIT');
    });
    expect((await verify()).valid).toBe(true);
  });

  for (const chainVersion of [ChainVersion.LEGACY, ChainVersion.KEYED]) {
    it(`is detected, claiming chain version ${chainVersion}, though the server role may insert it`, async () => {
      const rows = await logRows();
      const last = rows[rows.length - 1];
      const forged: Row = {
        ...last,
        seq: String(Number(last.seq) + 1),
        actor: 'mallory',
        operation: 'delete',
        entity_key: 'alpha',
        before: null,
        after: null,
        chain_version: chainVersion,
        previous_hash: last.hash,
        hash: '',
      };
      forged.hash = plainHash(last.hash, forged);
      // The role may append: what it cannot do without the key is append an entry that verifies.
      const runner = api.database.dataSource.createQueryRunner();
      try {
        await runner.query(
          `INSERT INTO audit_entry (seq, at, actor, operation, entity_type, entity_key, before, after, chain_version, previous_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, 'null', 'null', $7, $8, $9)`,
          [forged.seq, forged.at, forged.actor, forged.operation, forged.entity_type, forged.entity_key, chainVersion, forged.previous_hash, forged.hash],
        );
      } finally {
        await runner.release();
      }
      expect(await verify()).toMatchObject({
        valid: false,
        firstBrokenSeq: Number(forged.seq),
        reason: chainVersion === ChainVersion.LEGACY ? 'entry is not keyed, but every entry after 0 must be' : 'content does not match its hash',
      });
    });
  }
});
