import fs from 'node:fs';
import path from 'node:path';
import { isInterfaceType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/modules/auth/role';
import { flowmapSchema } from '../src/schema';
import { startTestServer, type TestServer } from './support/test-server';

let api: TestServer;
const example = fs.readFileSync(path.resolve(__dirname, '../examples/zkbio-entrance-2022.yaml'), 'utf8');

beforeAll(async () => {
  api = await startTestServer();
  expect((await api.graphql('mutation($file: String!) { importInventory(file: $file) { applied } }', { file: example })).errors).toBeUndefined();
});
afterAll(async () => {
  await api?.stop();
});

const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on RegistryItem { key } ... on Flow { from { key } } } }`;

describe('node(id:)', () => {
  it('refetches every kind of registry item by the id it gives, for a VIEWER too', async () => {
    const viewer = await api.as(Role.VIEWER);
    const listed = await viewer.graphql<Record<string, { nodes: { id: string; key: string }[] }>>(
      '{ parties(first: 1) { nodes { id key } } activities(first: 1) { nodes { id key } } flows(first: 1) { nodes { id key } } dataCategories(first: 1) { nodes { id key } } subjectCategories(first: 1) { nodes { id key } } }',
    );
    const expected = { parties: 'Party', activities: 'Activity', flows: 'Flow', dataCategories: 'DataCategory', subjectCategories: 'SubjectCategory' };
    for (const [list, typename] of Object.entries(expected)) {
      const [item] = listed.data![list].nodes;
      const result = await viewer.graphql<{ node: { __typename: string; id: string; key: string } }>(NODE, { id: item.id });
      expect(result.errors).toBeUndefined();
      expect(result.data!.node).toMatchObject({ __typename: typename, id: item.id, key: item.key });
    }
  });

  it('reaches no person or consent, whatever the role, and answers null for an id nothing has', async () => {
    const [{ personId, consentId }] = (await api.database.dataSource.query(
      'SELECT p.id AS "personId", c.id AS "consentId" FROM person p JOIN consent c ON c.person_id = p.id LIMIT 1',
    )) as { personId: string; consentId: string }[];
    for (const role of [Role.VIEWER, Role.EDITOR, Role.AUDITOR, Role.ADMIN]) {
      const client = await api.as(role);
      for (const id of [personId, consentId, '00000000-0000-4000-8000-000000000000']) {
        const result = await client.graphql(NODE, { id });
        expect(result.errors).toBeUndefined();
        expect(result.data).toEqual({ node: null });
      }
    }
    const schema = await flowmapSchema();
    const node = schema.getType('Node');
    expect(isInterfaceType(node) && schema.getPossibleTypes(node).map((type) => type.name).sort()).toEqual(['Activity', 'DataCategory', 'Flow', 'Party', 'SubjectCategory']);
  });

  it('refuses an id that is not one, naming the argument', async () => {
    const result = await api.graphql(NODE, { id: 'not-an-id' });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('id') });
  });
});
