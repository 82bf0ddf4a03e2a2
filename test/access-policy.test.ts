import { getNamedType, isObjectType, type GraphQLField } from 'graphql';
import { describe, expect, it } from 'vitest';
import { FIELD_POLICY, requiredRoles } from '../src/modules/auth/access-policy';
import { Role } from '../src/modules/auth/role';
import { flowmapSchema } from '../src/schema';

/** Object types that hold person or consent data, by name. */
const PERSONAL_TYPE = /^(Person|Consent)/;

function returnsPersonalType(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  return isObjectType(type) && PERSONAL_TYPE.test(type.name);
}

/** Fields of map answers that hold person data without returning a personal type. */
const PERSONAL_FIELDS = ['Finding.personIds', 'Person.dataFlows'];

async function objectFields() {
  const schema = await flowmapSchema();
  const roots = new Set([schema.getQueryType(), schema.getMutationType()]);
  return Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((type) => !type.name.startsWith('__'))
    .flatMap((type) => Object.values(type.getFields()).map((field) => ({ type, field, coordinate: `${type.name}.${field.name}`, isRoot: roots.has(type) })));
}

describe('the access policy, walked over the whole schema', () => {
  it('declares a rule for every query and every mutation', async () => {
    const undeclared = (await objectFields()).filter(({ isRoot, coordinate }) => isRoot && FIELD_POLICY[coordinate] === undefined);
    expect(undeclared.map(({ coordinate }) => coordinate)).toEqual([]);
  });

  it('has no entry for a field the schema does not have', async () => {
    const coordinates = new Set((await objectFields()).map(({ coordinate }) => coordinate));
    expect(Object.keys(FIELD_POLICY).filter((coordinate) => !coordinates.has(coordinate))).toEqual([]);
  });

  it('lets some role use every query and every mutation', async () => {
    const unusable = (await objectFields()).filter(({ type, field, isRoot }) => isRoot && requiredRoles(type.name, field, true)?.length === 0);
    expect(unusable.map(({ coordinate }) => coordinate)).toEqual([]);
  });

  it('keeps every field returning person or consent data, at any depth, from VIEWER and EDITOR', async () => {
    const fields = (await objectFields()).filter(
      ({ field, coordinate }) => returnsPersonalType(field) || PERSONAL_FIELDS.includes(coordinate),
    );
    expect(fields.map(({ coordinate }) => coordinate)).toEqual(expect.arrayContaining(['Query.persons', 'Query.person', 'Person.consents', 'Finding.personIds']));
    const leaking = fields.filter(({ type, field, isRoot }) => {
      const roles = requiredRoles(type.name, field, isRoot);
      return roles === null || roles.includes(Role.VIEWER) || roles.includes(Role.EDITOR);
    });
    expect(leaking.map(({ coordinate }) => coordinate)).toEqual([]);
  });
});
