import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { LegalBasis } from '../../domain/legal-basis';
import { Safeguard, TransferMechanism } from '../../domain/transfer-mechanism';
import type { InventoryDocument } from '../../domain/inventory-document';
import { PartyKind } from '../../domain/party-kind';
import { dpvTerms } from '../reference/dpv-vocabulary';
import { dataMapJsonLd } from './data-map-jsonld';

const DOCUMENT: InventoryDocument = {
  flowmap: 1,
  subjectCategories: [{ key: 'app-user', name: 'App user' }],
  dataCategories: [
    { key: 'health', name: 'Health', gdprSpecial: true, piplSensitive: true },
    { key: 'contact email', name: 'Email' },
  ],
  parties: [
    { key: 'acme', name: 'Acme GmbH', kind: PartyKind.CONTROLLER, countries: ['DE'] },
    { key: 'us-cloud', name: 'US Cloud', kind: PartyKind.PROCESSOR, countries: ['US'] },
  ],
  activities: [
    { key: 'care', name: 'Care', purpose: 'Provide care', controller: 'acme', legalBasis: LegalBasis.CONTRACT, subjectCategories: ['app-user'], dataCategories: [{ category: 'health', required: true }], effectiveFrom: '2024-01-01' },
  ],
  flows: [
    { key: 'care-to-cloud', activity: 'care', from: 'acme', to: 'us-cloud', dataCategories: ['health', 'contact email'], mechanism: TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES, safeguards: [Safeguard.ENCRYPTION], effectiveFrom: '2024-01-01' },
  ],
};

const DPV = 'https://w3id.org/dpv#';
const GDPR = 'https://w3id.org/dpv/legal/eu/gdpr#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** The document as N-Quads, read offline: any attempt to fetch a remote context fails the test. */
async function triplesOf(document: Record<string, unknown>): Promise<string[]> {
  const documentLoader = (url: string): never => {
    throw new Error(`fetched ${url}`);
  };
  const nquads = (await jsonld.toRDF(document as jsonld.JsonLdDocument, { format: 'application/n-quads', documentLoader } as jsonld.Options.ToRdf)) as unknown as string;
  return nquads.trim().split('\n');
}

describe('the data map as JSON-LD over DPV', () => {
  it('reads as RDF with the inline context: roles, legal bases, transfer mechanism, sensitivity, measures', async () => {
    const triples = await triplesOf(dataMapJsonLd(DOCUMENT));
    const activity = '<urn:flowmap:activity/care>';
    const flow = '<urn:flowmap:flow/care-to-cloud>';
    expect(triples).toEqual(
      expect.arrayContaining([
        `<urn:flowmap:party/us-cloud> <${RDF_TYPE}> <${DPV}DataProcessor> .`,
        `<urn:flowmap:party/acme> <${DPV}hasCountry> <https://w3id.org/dpv/loc#DE> .`,
        `${activity} <${RDF_TYPE}> <${DPV}Process> .`,
        `${activity} <${DPV}hasDataController> <urn:flowmap:party/acme> .`,
        `${activity} <${DPV}hasLegalBasis> <${DPV}Contract> .`,
        `${activity} <${DPV}hasLegalBasis> <${GDPR}A6-1-b> .`,
        `${activity} <${DPV}hasRecipient> <urn:flowmap:party/us-cloud> .`,
        `${flow} <${DPV}hasLegalBasis> <${GDPR}A46-2-c> .`,
        `${flow} <${DPV}hasTechnicalOrganisationalMeasure> <${DPV}Encryption> .`,
        `${flow} <${DPV}hasPersonalData> <urn:flowmap:data-category/contact%20email> .`,
        `<urn:flowmap:data-category/health> <${RDF_TYPE}> <${DPV}SpecialCategoryPersonalData> .`,
        `<urn:flowmap:data-category/health> <${RDF_TYPE}> <${DPV}SensitivePersonalData> .`,
      ]),
    );
  });

  it('names every concept by its full IRI in DPV or its GDPR extension', () => {
    const terms = dpvTerms();
    expect(terms).toContainEqual({ enumeration: 'LegalBasis', value: 'CONSENT', iri: `${GDPR}A6-1-a` });
    expect(terms).toContainEqual({ enumeration: 'TransferMechanism', value: 'ADEQUACY_DECISION', iri: `${GDPR}A45-3` });
    expect(terms).toContainEqual({ enumeration: 'PartyKind', value: 'SUB_PROCESSOR', iri: `${DPV}DataSubProcessor` });
    for (const { iri } of terms) expect(iri).toMatch(/^https:\/\/w3id\.org\/dpv(\/legal\/eu\/gdpr)?#[A-Z][A-Za-z0-9-]+$/);
  });
});
