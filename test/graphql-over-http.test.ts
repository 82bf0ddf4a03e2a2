import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(async () => {
  await api?.stop();
});

describe('GraphQL over HTTP: the graphql-http audit suite against the real server', () => {
  it('passes every MUST-level audit', async () => {
    const audits = serverAudits({ url: api.url, fetchFn: fetch });
    const results = await Promise.all(audits.map(async (audit) => ({ name: audit.name, result: await audit.fn() })));
    const failures = results.filter(({ result }) => result.status === 'error').map(({ name, result }) => `${name}: ${'reason' in result ? result.reason : ''}`);
    expect(results.length).toBeGreaterThan(50);
    expect(failures).toEqual([]);
  });
});
