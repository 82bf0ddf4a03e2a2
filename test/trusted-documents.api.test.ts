import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTrustedDocuments } from '../src/common/trusted-documents';
import { ConfigError } from '../src/config';
import { startTestServer, type TestServer } from './support/test-server';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const TRUSTED = 'query Parties { parties(first: 1) { totalCount } }';

function manifestFile(content: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'flowmap-trusted-')), 'persisted-documents.json');
  writeFileSync(file, content);
  return file;
}

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer({ trustedDocuments: readTrustedDocuments(manifestFile(JSON.stringify({ [sha256(TRUSTED)]: TRUSTED }))) });
});
afterAll(async () => {
  await api?.stop();
});

async function post(body: unknown): Promise<{ status: number; body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } }> {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as never };
}

describe('trusted-documents mode', () => {
  it('runs a trusted document sent by its hash alone or by its exact text', async () => {
    const byHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(TRUSTED) } } });
    expect(byHash).toMatchObject({ status: 200, body: { data: { parties: { totalCount: expect.any(Number) } } } });
    const byText = await post({ query: TRUSTED });
    expect(byText).toMatchObject({ status: 200, body: { data: { parties: { totalCount: expect.any(Number) } } } });
  });

  it('refuses any other document, by text or by hash, with PERSISTED_QUERY_NOT_ALLOWED', async () => {
    const other = '{ parties(first: 1) { totalCount } }';
    const byText = await post({ query: other });
    expect(byText.status).toBe(400);
    expect(byText.body.errors).toEqual([{ message: "query: not one of this server's trusted documents", extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' } }]);
    const registering = await post({ query: other, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(other) } } });
    expect(registering.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    const byHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(other) } } });
    expect(byHash.status).toBe(400);
    expect(byHash.body.errors).toEqual([
      { message: "extensions.persistedQuery.sha256Hash: not one of this server's trusted documents", extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' } },
    ]);
    const batch = await post([{ query: TRUSTED }, { query: other }]);
    expect(batch.body.errors?.[0]).toEqual({ message: "query: not one of this server's trusted documents", extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' } });
    const afterRegistering = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(other) } } });
    expect(afterRegistering.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });
});

describe('trusted-documents mode over GET', () => {
  const get = async (parameters: Record<string, string>) => {
    const response = await fetch(`${api.url}?${new URLSearchParams(parameters)}`, { headers: { authorization: `Bearer ${api.token}`, 'apollo-require-preflight': 'true' } });
    return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
  };
  const persisted = (query: string) => JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });

  it('runs a trusted document named by its hash and refuses any other', async () => {
    expect(await get({ extensions: persisted(TRUSTED) })).toMatchObject({ status: 200, body: { data: { parties: { totalCount: expect.any(Number) } } } });
    const other = await get({ extensions: persisted('{ __typename }') });
    expect(other.status).toBe(400);
    expect(other.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    expect((await get({ query: '{ __typename }' })).body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });
});

describe('reading the manifest', () => {
  it('fails clearly on a file that is not a manifest of sha256 -> document', () => {
    const bad: [string, RegExp][] = [
      ['not json', /cannot read it as JSON/],
      ['["x"]', /must be a JSON object of sha256 hash -> document/],
      ['{}', /lists no documents/],
      [JSON.stringify({ [sha256(TRUSTED)]: 1 }), /the document must be a string/],
      [JSON.stringify({ ['0'.repeat(64)]: TRUSTED }), /not the sha256 of its document/],
      [JSON.stringify({ [sha256('{ parties')]: '{ parties' }), /not a GraphQL document/],
    ];
    for (const [content, message] of bad) {
      const read = () => readTrustedDocuments(manifestFile(content));
      expect(read).toThrow(ConfigError);
      expect(read).toThrow(message);
    }
    expect(() => readTrustedDocuments('/nonexistent/persisted-documents.json')).toThrow(/FLOWMAP_TRUSTED_DOCUMENTS \(\/nonexistent/);
  });
});
