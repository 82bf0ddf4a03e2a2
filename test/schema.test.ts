import fs from 'node:fs';
import path from 'node:path';
import { isObjectType, isInputObjectType, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { flowmapSchema, printFlowmapSchema } from '../src/schema';

describe('schema.graphql', () => {
  it('is the schema the code builds (run `npm run schema` after changing the API)', async () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '../schema.graphql'), 'utf8');
    expect(printFlowmapSchema(await flowmapSchema())).toBe(committed);
  });

  it('describes every type, field, argument and enum value', async () => {
    const schema = await flowmapSchema();
    const undescribed: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Boolean', 'Int', 'Float', 'ID'].includes(type.name)) continue;
      if (!type.description) undescribed.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undescribed.push(`${type.name}.${field.name}`);
          for (const argument of 'args' in field ? field.args : []) {
            if (!argument.description) undescribed.push(`${type.name}.${field.name}(${argument.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) undescribed.push(`${type.name}.${value.name}`);
      }
    }
    expect(undescribed).toEqual([]);
  });
});
