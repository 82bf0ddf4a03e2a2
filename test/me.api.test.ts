import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/modules/auth/role';
import { startTestServer, type TestServer } from './support/test-server';

let api: TestServer;

const ME = '{ me { name role mayReadPersons mayReadAuditLog mayChangeMap } }';

beforeAll(async () => {
  api = await startTestServer();
});
afterAll(async () => {
  await api?.stop();
});

describe('me: who the token is and what it may use', () => {
  it.each([
    [Role.VIEWER, { mayReadPersons: false, mayReadAuditLog: false, mayChangeMap: false }],
    [Role.EDITOR, { mayReadPersons: false, mayReadAuditLog: false, mayChangeMap: true }],
    [Role.AUDITOR, { mayReadPersons: true, mayReadAuditLog: true, mayChangeMap: false }],
    [Role.ADMIN, { mayReadPersons: true, mayReadAuditLog: true, mayChangeMap: true }],
  ])('%s', async (role, permissions) => {
    const result = await (await api.as(role)).graphql<{ me: unknown }>(ME);
    expect(result.errors).toBeUndefined();
    expect(result.data?.me).toEqual({ name: `test-${role.toLowerCase()}`, role, ...permissions });
  });

  it('what it says a token may do is what the token can do', async () => {
    const viewer = await api.as(Role.VIEWER);
    expect((await viewer.graphql('{ persons { totalCount } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await viewer.graphql('{ auditLog(first: 1) { totalCount } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const auditor = await api.as(Role.AUDITOR);
    expect((await auditor.graphql('{ persons { totalCount } auditLog(first: 1) { totalCount } }')).errors).toBeUndefined();
  });

  it('without a token: UNAUTHENTICATED, HTTP 401', async () => {
    const result = await api.anonymous.graphql(ME);
    expect(result.status).toBe(401);
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
