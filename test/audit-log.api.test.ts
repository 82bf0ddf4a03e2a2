import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/modules/auth/role';
import { CREATE, makeParty } from './support/factories';
import { startTestServer, type TestServer } from './support/test-server';

let api: TestServer;

interface AuditPage {
  auditLog: {
    nodes: { seq: number; actor: string; operation: string; entityType: string; entityKey: string; before: unknown; after: unknown }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
}
const AUDIT_LOG = `query($filter: AuditLogFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    nodes { seq at actor operation entityType entityKey before after previousHash hash }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;
const VERIFY = '{ verifyAuditLog { valid entriesChecked firstBrokenSeq reason } }';

/** As a superuser may: with the append-only trigger off for one statement. */
async function tamper(sql: string, parameters: unknown[]): Promise<void> {
  await api.database.dataSource.transaction(async (manager) => {
    await manager.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete');
    await manager.query(sql, parameters);
    await manager.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_or_delete');
  });
}

beforeAll(async () => {
  api = await startTestServer();
  const editor = await api.as(Role.EDITOR);
  for (const key of ['alpha', 'bravo', 'charlie', 'delta', 'echo']) {
    expect((await editor.graphql(CREATE.party, { input: makeParty({ key, name: `Party ${key}` }) })).errors).toBeUndefined();
  }
  expect((await editor.graphql('mutation { updateParty(key: "alpha", input: { name: "Alpha AG" }) { version } }')).errors).toBeUndefined();
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

  it('verifies a whole chain', async () => {
    const [{ entries }] = (await api.database.dataSource.query('SELECT count(*)::int AS entries FROM audit_entry')) as { entries: number }[];
    const { data } = await (await api.as(Role.AUDITOR)).graphql(VERIFY);
    expect(data).toEqual({ verifyAuditLog: { valid: true, entriesChecked: entries, firstBrokenSeq: null, reason: null } });
  });
});

describe('tampering', () => {
  it('is refused to a plain UPDATE or DELETE by the database', async () => {
    await expect(api.database.dataSource.query("UPDATE audit_entry SET actor = 'mallory' WHERE seq = 1")).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(api.database.dataSource.query('DELETE FROM audit_entry WHERE seq = 1')).rejects.toThrow(/append-only: DELETE refused/);
    await expect(api.database.dataSource.query('TRUNCATE audit_entry')).rejects.toThrow(/append-only: TRUNCATE refused/);
  });

  it('is detected at the entry changed, even with the trigger disabled by a superuser', async () => {
    const [target] = (await api.database.dataSource.query("SELECT seq, actor FROM audit_entry WHERE entity_key = 'charlie'")) as { seq: string; actor: string }[];
    const seq = Number(target.seq);
    await tamper('UPDATE audit_entry SET actor = $1 WHERE seq = $2', ['mallory', seq]);
    const { data } = await api.graphql(VERIFY);
    expect(data).toEqual({ verifyAuditLog: { valid: false, entriesChecked: seq - 1, firstBrokenSeq: seq, reason: 'content does not match its hash' } });

    await tamper('UPDATE audit_entry SET actor = $1 WHERE seq = $2', [target.actor, seq]);
    expect((await api.graphql<{ verifyAuditLog: { valid: boolean } }>(VERIFY)).data?.verifyAuditLog.valid).toBe(true);
  });

  it('is detected when an entry is removed', async () => {
    const [row] = (await api.database.dataSource.query("SELECT * FROM audit_entry WHERE entity_key = 'bravo'")) as Record<string, unknown>[];
    const seq = Number(row.seq);
    await tamper('DELETE FROM audit_entry WHERE seq = $1', [seq]);
    const { data } = await api.graphql(VERIFY);
    expect(data).toEqual({ verifyAuditLog: { valid: false, entriesChecked: seq - 1, firstBrokenSeq: seq + 1, reason: `entry ${seq} is missing` } });

    await api.database.dataSource.query(
      'INSERT INTO audit_entry (seq, at, actor, operation, entity_type, entity_key, before, after, previous_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
      [row.seq, row.at, row.actor, row.operation, row.entity_type, row.entity_key, JSON.stringify(row.before), JSON.stringify(row.after), row.previous_hash, row.hash],
    );
    expect((await api.graphql<{ verifyAuditLog: { valid: boolean } }>(VERIFY)).data?.verifyAuditLog.valid).toBe(true);
  });
});
