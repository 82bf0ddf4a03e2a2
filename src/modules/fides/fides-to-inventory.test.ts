import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { normaliseInventory, stringifyInventory } from '../inventory/normalise-inventory';
import { parseInventoryFile } from '../inventory/parse-inventory-file';
import type { InventoryDocument } from '../../domain/inventory-document';
import { readFidesManifests } from './fides-manifest';
import { fidesToInventory } from './fides-to-inventory';
import { inventoryToFides } from './inventory-to-fides';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');
const EMPTY: InventoryDocument = { flowmap: 1 };

function manifest(...names: string[]) {
  return names.map((name) => ({ file: name, text: fs.readFileSync(path.join(FIXTURES, name), 'utf8') }));
}

function convert(names: string[], stored: InventoryDocument = EMPTY) {
  const read = readFidesManifests(manifest(...names));
  expect(read.errors).toEqual([]);
  const converted = fidesToInventory(read.resources, { effectiveFrom: '2026-01-01', stored });
  return { ...converted, warnings: [...read.warnings, ...converted.warnings] };
}

/** The document as an import would read it: it must pass the inventory file's own validation. */
function asImported(document: InventoryDocument): InventoryDocument {
  const parsed = parseInventoryFile(stringifyInventory(document, 'yaml'));
  if ('errors' in parsed) throw new Error(JSON.stringify(parsed.errors, null, 2));
  return parsed.document;
}

describe('fideslang manifests from the documentation', () => {
  const { document, warnings } = convert(['fides/system.yml', 'fides/organization.yml', 'fides/dataset.yml', 'fides/taxonomy.yml']);

  it("map the organization onto the controller's contact, DPO and representative", () => {
    expect(document.organisation).toEqual({
      name: 'Acme Incorporated',
      contact: 'controller@acmeinc.com, +1 555 555 5555, 1 Acme Pl. New York, NY',
      dpo: { name: 'Preet Ector', contact: 'dpo@acmeinc.com, +1 555 555 5555, 1 Acme Pl. New York, NY' },
      representatives: [{ name: 'Ann Othername', contact: 'representative@acmeinc.com, +1 555 555 5555, 1 Acme Pl. New York, NY', country: null }],
    });
    expect(warnings).toContainEqual({ at: 'fides/organization.yml: organization[0] (default_organization).security_policy', message: 'not mapped: Flowmap has no field for it' });
  });

  it('make the system a party of unknown countries, and put every category the dataset names in the tree with its ancestors', () => {
    expect(document.parties).toEqual([
      { key: 'demo_analytics_system', name: 'Demo Analytics System', kind: 'CONTROLLER', countries: [], engagedBy: null, description: 'A system used for analyzing customer behaviour.', evidence: [] },
    ]);
    const categories = new Map(document.dataCategories!.map((category) => [category.key, category]));
    expect([...categories.keys()].sort()).toEqual(['system', 'system.operations', 'user', 'user.contact', 'user.contact.email', 'user.contact.state', 'user.name', 'user.unique_id']);
    expect(categories.get('user.contact.email')).toMatchObject({ name: 'Email', parent: 'user.contact', gdprSpecial: false });
    expect(document.subjectCategories).toEqual([
      { key: 'potential_customer', name: 'Potential Customer', description: 'A prospective individual or other organization that purchases goods or services from the organization.' },
    ]);
  });

  it('report what does not map, each at its manifest and resource', () => {
    const at = (prefix: string) => warnings.filter((warning) => warning.at.startsWith(prefix)).map((warning) => warning.message);
    expect(at('fides/system.yml: system[0] (demo_analytics_system).privacy_declarations[0]')).toEqual([
      'no legal_basis_for_processing: Flowmap needs the legal basis of every activity; not imported',
    ]);
    expect(at('fides/system.yml: system[0] (demo_analytics_system)')).toContain(
      'no countries: fideslang records none, so where the system holds the data is unknown to Flowmap (give them in meta.flowmap.countries)',
    );
    expect(at('fides/dataset.yml: dataset[0] (demo_users_dataset)')[0]).toMatch(/^Flowmap records no data stores: the dataset's 5 data categories are added/);
    expect(at('fides/taxonomy.yml: data_subject[0] (potential_customer).rights')).toHaveLength(1);
    expect(at('fides/taxonomy.yml: data_use[0]')[0]).toMatch(/declared by no imported activity/);
    expect(document.activities).toEqual([]);
    expect(document.flows).toEqual([]);
    asImported(document);
  });
});

describe('a manifest with legal bases, a processor and its sub-processor', () => {
  const { document, warnings } = convert(['fides-complete.yml']);

  it('makes each declaration of the controlling system an activity keyed by system and data use', () => {
    const imported = asImported(document);
    expect(imported.activities!.map((activity) => [activity.key, activity.controller, activity.legalBasis, activity.retention])).toEqual([
      ['shop_app.essential.service', 'shop_app', 'CONTRACT', { period: 'P3Y', event: null }],
      ['shop_app.marketing.communications.email', 'shop_app', 'CONSENT', { period: null, event: 'until the customer unsubscribes' }],
    ]);
    expect(imported.activities![0]).toMatchObject({ name: 'Run customer accounts', purpose: 'Run customer accounts', subjectCategories: ['customer'], effectiveFrom: '2026-01-01' });
    expect(warnings).toContainEqual({ at: 'fides-complete.yml: system[0] (shop_app).privacy_declarations[1] (Newsletter).features', message: 'not mapped: Flowmap has no field for it' });
  });

  it('turns the declared egress into flows, onward ones of the processor included, with the mechanism of the sending system', () => {
    const imported = asImported(document);
    expect(imported.parties!.map((party) => [party.key, party.kind, party.countries, party.engagedBy])).toEqual([
      ['cloud_crm', 'PROCESSOR', ['US'], null],
      ['mail_relay', 'SUB_PROCESSOR', ['GB'], 'cloud_crm'],
      ['shop_app', 'CONTROLLER', ['DE'], null],
    ]);
    expect(imported.flows!.map((flow) => [flow.key, flow.from, flow.to, flow.dataCategories, flow.mechanism])).toEqual([
      // The egress names user.contact, broader than the activity's user.contact.email: the flow carries what the activity has under it.
      ['shop_app.essential.service.cloud_crm.to.mail_relay', 'cloud_crm', 'mail_relay', ['user.contact.email'], null],
      ['shop_app.essential.service.to.cloud_crm', 'shop_app', 'cloud_crm', ['user.contact.email'], 'STANDARD_CONTRACTUAL_CLAUSES'],
    ]);
  });

  it("flags the default taxonomy's special categories", () => {
    const bank = document.dataCategories!.find((category) => category.key === 'user.financial.bank_account');
    expect(bank).toMatchObject({ gdprSpecial: false, piplSensitive: true });
    expect(document.dataCategories!.find((category) => category.key === 'user.financial')).toMatchObject({ piplSensitive: true });
  });

  it('round-trips: its export, imported onto the map it made, is the same map', () => {
    const first = asImported(document);
    const exported = inventoryToFides(first);
    const again = fidesToInventory(readFidesManifests([{ file: 'export.yml', text: stringify(exported.manifest) }]).resources, { effectiveFrom: '2030-01-01', stored: first });
    expect(normaliseInventory(asImported(again.document))).toEqual(normaliseInventory(first));
  });

  it('keeps what fideslang cannot say from the registry: evidence, flow countries and safeguards, optional categories', () => {
    const first = asImported(document);
    const enriched: InventoryDocument = {
      ...first,
      parties: first.parties!.map((party) => (party.key === 'cloud_crm' ? { ...party, evidence: [{ kind: 'DATA_PROCESSING_AGREEMENT' as never, datedOn: '2025-01-01', expiresOn: null, reference: 'DPA-1' }] } : party)),
      flows: first.flows!.map((flow) => ({ ...flow, safeguards: ['ENCRYPTION' as never] })),
    };
    const again = fidesToInventory(readFidesManifests(manifest('fides-complete.yml')).resources, { effectiveFrom: '2030-01-01', stored: enriched });
    expect(normaliseInventory(asImported(again.document))).toEqual(normaliseInventory(enriched));
  });
});

describe('exporting a Flowmap map to fideslang', () => {
  it('writes each party as a system with its kind and countries in meta.flowmap, and says what it cannot hold', () => {
    const document = asImported(convert(['fides-complete.yml']).document);
    document.flows![1]!.countries = ['US'];
    const { manifest: exported, warnings } = inventoryToFides(document);
    const shop = exported.system!.find((system) => system.fides_key === 'shop_app')!;
    expect(shop).toMatchObject({
      responsibility: ['Controller'],
      meta: { flowmap: { kind: 'CONTROLLER', countries: ['DE'] } },
      legal_basis_for_transfers: ['SCCs'],
      egress: [{ fides_key: 'cloud_crm', type: 'system', data_categories: ['user.contact.email'] }],
    });
    expect((shop.privacy_declarations as unknown[])[0]).toEqual({
      name: 'Run customer accounts',
      data_use: 'essential.service',
      data_categories: ['user.contact.email', 'user.financial.bank_account', 'user.name'],
      data_subjects: ['customer'],
      legal_basis_for_processing: 'Contract',
      retention_period: 'P3Y',
      egress: ['cloud_crm'],
    });
    expect(warnings).toContain('flows/shop_app.essential.service.to.cloud_crm: countries: no fideslang field');
    expect(exported.data_category!.find((category) => category.fides_key === 'user.financial')).toMatchObject({ tags: ['flowmap:pipl-sensitive'] });
  });
});
