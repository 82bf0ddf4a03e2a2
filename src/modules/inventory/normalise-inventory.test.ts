import { describe, expect, it } from 'vitest';
import { EvidenceKind } from '../../domain/evidence-kind';
import { Safeguard } from '../../domain/transfer-mechanism';
import type { InventoryDocument } from '../../domain/inventory-document';
import { EXAMPLE_NAMES, makeInventory, readExample } from './inventory.fixtures';
import { normaliseInventory, stringifyInventory } from './normalise-inventory';
import { parseInventoryFile } from './parse-inventory-file';

function parsed(text: string, format: 'yaml' | 'json' = 'yaml'): InventoryDocument {
  const result = parseInventoryFile(text, format);
  if ('errors' in result) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.document;
}

const documents: [string, () => InventoryDocument][] = [
  ['the small document', makeInventory],
  ...EXAMPLE_NAMES.map((name): [string, () => InventoryDocument] => [name, () => parsed(readExample(name))]),
];

describe('normaliseInventory', () => {
  it('fills every default', () => {
    const normalised = normaliseInventory(makeInventory());
    expect(normalised.dataCategories![0]).toEqual({
      key: 'contact',
      name: 'Contact details',
      parent: null,
      gdprSpecial: false,
      piplSensitive: false,
      description: null,
    });
    expect(normalised.flows![0]).toEqual({
      key: 'to-cloud',
      activity: 'registration',
      from: 'acme',
      to: 'cloud',
      dataCategories: ['contact.email'],
      legalBasis: null,
      consentRequired: false,
      mechanisms: [],
      necessity: null,
      recipientRole: null,
      safeguards: [],
      countries: ['IE'],
      continuous: true,
      annualSubjects: null,
      effectiveFrom: '2022-08-01',
      effectiveTo: null,
      description: null,
      evidence: [],
    });
    expect(normalised.activities![0]).toMatchObject({
      retention: { period: 'P30D', event: null },
      securityMeasures: [],
      localisedIn: null,
      targetsResidents: true,
    });
    expect(normalised.persons![0]).toEqual({
      externalId: 'user-1',
      countryOfResidence: 'DE',
      subjectCategories: ['app-user'],
      dateOfBirth: null,
      consents: [{ activity: null, flow: 'to-cloud', kind: 'ORDINARY', givenByGuardian: false, givenAt: '2024-01-01T00:00:00.000Z', withdrawnAt: null }],
    });
  });

  it('sorts entries by key and lists by value', () => {
    const document = makeInventory();
    document.flows![0].safeguards = [Safeguard.PSEUDONYMISATION, Safeguard.ENCRYPTION];
    document.parties![0].evidence = [
      { kind: EvidenceKind.RECIPIENT_CONTACT, datedOn: '2023-01-01' },
      { kind: EvidenceKind.DATA_PROCESSING_AGREEMENT, datedOn: '2024-01-01', reference: 'B' },
      { kind: EvidenceKind.DATA_PROCESSING_AGREEMENT, datedOn: '2022-01-01', reference: 'A' },
    ];
    const normalised = normaliseInventory(document);
    expect(normalised.parties!.map(({ key }) => key)).toEqual(['acme', 'backup', 'cloud']);
    expect(normalised.parties![2].countries).toEqual(['IE', 'US']);
    expect(normalised.activities![0].dataCategories.map(({ category }) => category)).toEqual(['contact', 'location.precise']);
    expect(normalised.flows![0].safeguards).toEqual(['ENCRYPTION', 'PSEUDONYMISATION']);
    expect(normalised.parties![0].evidence!.map(({ reference }) => reference)).toEqual(['A', 'B', null]);
  });

  it('leaves out the sections the document leaves out, and drops an empty retention', () => {
    const normalised = normaliseInventory({ flowmap: 1, activities: [{ ...makeInventory().activities![0], retention: { period: null } }] });
    expect(Object.keys(normalised)).toEqual(['flowmap', 'activities']);
    expect(normalised.activities![0].retention).toBeNull();
    expect(normaliseInventory({ flowmap: 1, organisation: null })).toEqual({ flowmap: 1, organisation: null });
  });

  it.each(documents)('is idempotent on %s', (_name, make) => {
    const once = normaliseInventory(make());
    expect(normaliseInventory(once)).toEqual(once);
  });
});

describe('stringifyInventory', () => {
  it.each(documents)('round-trips %s through YAML and JSON to its normalised form', (_name, make) => {
    const normalised = normaliseInventory(make());
    for (const format of ['yaml', 'json'] as const) {
      const text = stringifyInventory(make(), format);
      expect(parsed(text, format)).toEqual(normalised);
      expect(stringifyInventory(parsed(text, format), format)).toBe(text);
    }
  });

  it('writes dates and country codes so that YAML reads them back as strings', () => {
    const document = makeInventory();
    document.parties![0].countries = ['NO'];
    const text = stringifyInventory(document, 'yaml');
    expect(parsed(text).parties![0].countries).toEqual(['NO']);
    expect(parsed(text).activities![0].effectiveFrom).toBe('2022-08-01');
  });
});
