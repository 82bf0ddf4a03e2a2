import { describe, expect, it } from 'vitest';
import { LegalBasis } from '../../domain/legal-basis';
import { ConsentKind } from '../../domain/consent-kind';
import { CATEGORY_KEY_PATTERN } from '../data-category/data-category.store';
import { EVIDENCE_KINDS_BY_OWNER } from '../../domain/evidence-kind';
import { Safeguard, TransferMechanism } from '../../domain/transfer-mechanism';
import { PartyKind } from '../../domain/party-kind';
import { KEY_PATTERN } from '../registry/key-lookup';
import { INVENTORY_FILE_SCHEMA } from './inventory-file-schema';

type JsonSchema = { [keyword: string]: unknown };

const defs = INVENTORY_FILE_SCHEMA.$defs as unknown as Record<string, JsonSchema>;

/** The enum of a definition without the null that optional fields allow. */
function enumOf(definition: string): unknown[] {
  return (defs[definition].enum as unknown[]).filter((value) => value !== null);
}

function evidenceKindsOf(definition: string): unknown[] {
  return (defs[definition].properties as Record<string, JsonSchema>).kind.enum as unknown[];
}

/** Every subschema with its JSON pointer in the schema. */
function subschemas(schema: unknown, at = ''): [string, JsonSchema][] {
  if (typeof schema !== 'object' || schema === null) return [];
  if (Array.isArray(schema)) return schema.flatMap((item, index) => subschemas(item, `${at}/${index}`));
  const children = Object.entries(schema).flatMap(([keyword, value]) => (keyword === 'enum' ? [] : subschemas(value, `${at}/${keyword}`)));
  return [[at, schema as JsonSchema], ...children];
}

describe('inventory file schema', () => {
  it('lists exactly the values of the TypeScript enums', () => {
    expect(enumOf('partyKind')).toEqual(Object.values(PartyKind));
    expect(enumOf('legalBasis')).toEqual(Object.values(LegalBasis));
    expect(enumOf('transferMechanism')).toEqual(Object.values(TransferMechanism));
    expect(enumOf('safeguard')).toEqual(Object.values(Safeguard));
    expect(enumOf('consentKind')).toEqual(Object.values(ConsentKind));
  });

  it('allows on each record exactly the evidence kinds that belong to it', () => {
    expect(evidenceKindsOf('partyEvidence')).toEqual(EVIDENCE_KINDS_BY_OWNER.party);
    expect(evidenceKindsOf('activityEvidence')).toEqual(EVIDENCE_KINDS_BY_OWNER.activity);
    expect(evidenceKindsOf('flowEvidence')).toEqual(EVIDENCE_KINDS_BY_OWNER.flow);
  });

  it('checks keys with the same patterns as the registry', () => {
    expect(defs.key.pattern).toBe(KEY_PATTERN.source);
    expect(defs.optionalKey.pattern).toBe(KEY_PATTERN.source);
    expect(defs.categoryKey.pattern).toBe(CATEGORY_KEY_PATTERN.source);
    expect(defs.optionalCategoryKey.pattern).toBe(CATEGORY_KEY_PATTERN.source);
  });

  it('is draft 2020-12 with an $id', () => {
    expect(INVENTORY_FILE_SCHEMA.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(INVENTORY_FILE_SCHEMA.$id).toMatch(/^https:\/\//);
  });

  it('describes every field', () => {
    const undescribed = subschemas(INVENTORY_FILE_SCHEMA).flatMap(([at, schema]) =>
      Object.entries((schema.properties as Record<string, JsonSchema> | undefined) ?? {})
        .filter(([, field]) => typeof field.description !== 'string')
        .map(([name]) => `${at}/properties/${name}`),
    );
    expect(undescribed).toEqual([]);
  });

  it('closes every object with additionalProperties: false', () => {
    const open = subschemas(INVENTORY_FILE_SCHEMA)
      .filter(([, schema]) => schema.properties !== undefined && schema.$ref === undefined)
      .filter(([, schema]) => schema.additionalProperties !== false)
      .map(([at]) => at);
    expect(open).toEqual([]);
  });
});
