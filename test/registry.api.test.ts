import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(async () => {
  await api?.stop();
});

describe('parties', () => {
  it('creates a party and reads it back by key', async () => {
    const created = await api.graphql(
      `mutation($input: CreatePartyInput!) { createParty(input: $input) { key kind version countries { code } } }`,
      { input: { key: 'acme', name: 'Acme', kind: 'CONTROLLER', countries: ['DE', 'CN'] } },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data).toEqual({ createParty: { key: 'acme', kind: 'CONTROLLER', version: 1, countries: [{ code: 'CN' }, { code: 'DE' }] } });
  });
});
