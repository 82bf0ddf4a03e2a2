import type { InventoryDocument } from '../../domain/inventory-document';
import { mechanismEntriesOf } from '../flow/mechanism-list';
import {
  dataCategoryConcepts,
  DPV_PREFIXES,
  LEGAL_BASIS_CONCEPTS,
  PARTY_KIND_CONCEPTS,
  SAFEGUARD_CONCEPTS,
  TRANSFER_MECHANISM_CONCEPTS,
} from '../reference/dpv-vocabulary';

/** Where the map's own entries are named: a URN per section and key, stable across exports. */
const ENTRY_IRI_BASE = 'urn:flowmap:';

/**
 * The context is inline, so that a reader expands the document without fetching anything. Terms
 * that point at entries or concepts are typed `@id`, so a compact 'dpv:Consent' reads as an IRI.
 */
const CONTEXT = {
  ...DPV_PREFIXES,
  loc: 'https://w3id.org/dpv/loc#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  fm: ENTRY_IRI_BASE,
  label: 'rdfs:label',
  comment: 'rdfs:comment',
  name: 'dpv:hasName',
  country: { '@id': 'dpv:hasCountry', '@type': '@id' },
  controller: { '@id': 'dpv:hasDataController', '@type': '@id' },
  legalBasis: { '@id': 'dpv:hasLegalBasis', '@type': '@id' },
  personalData: { '@id': 'dpv:hasPersonalData', '@type': '@id' },
  dataSubject: { '@id': 'dpv:hasDataSubject', '@type': '@id' },
  purpose: 'dpv:hasPurpose',
  recipient: { '@id': 'dpv:hasRecipient', '@type': '@id' },
  exporter: { '@id': 'dpv:hasDataExporter', '@type': '@id' },
  importer: { '@id': 'dpv:hasDataImporter', '@type': '@id' },
  measure: { '@id': 'dpv:hasTechnicalOrganisationalMeasure', '@type': '@id' },
  process: { '@id': 'dpv:hasProcess', '@type': '@id' },
  broader: { '@id': 'http://www.w3.org/2004/02/skos/core#broader', '@type': '@id' },
} as const;

function entryIri(section: string, key: string): string {
  return `fm:${section}/${encodeURIComponent(key)}`;
}

/**
 * The whole data map (without persons) as JSON-LD over DPV: parties typed by their role, data
 * categories as personal data (special or sensitive where flagged), activities and flows as
 * processes with their controller, legal bases, data, recipients, exporter, importer and measures.
 * A flow's transfer mechanism is one of its legal bases, as DPV's GDPR extension types them.
 */
export function dataMapJsonLd(document: InventoryDocument): Record<string, unknown> {
  const graph: Record<string, unknown>[] = [];
  for (const category of document.subjectCategories ?? []) {
    graph.push({ '@id': entryIri('subject-category', category.key), '@type': 'dpv:DataSubject', label: category.name });
  }
  for (const category of document.dataCategories ?? []) {
    graph.push({
      '@id': entryIri('data-category', category.key),
      '@type': dataCategoryConcepts(category),
      label: category.name,
      ...(category.parent ? { broader: entryIri('data-category', category.parent) } : {}),
    });
  }
  for (const party of document.parties ?? []) {
    graph.push({ '@id': entryIri('party', party.key), '@type': [...PARTY_KIND_CONCEPTS[party.kind]], name: party.name, country: party.countries.map((code) => `loc:${code}`) });
  }
  for (const activity of document.activities ?? []) {
    const flows = (document.flows ?? []).filter((flow) => flow.activity === activity.key);
    graph.push({
      '@id': entryIri('activity', activity.key),
      '@type': 'dpv:Process',
      label: activity.name,
      purpose: { '@type': 'dpv:Purpose', comment: activity.purpose },
      controller: entryIri('party', activity.controller),
      legalBasis: [...LEGAL_BASIS_CONCEPTS[activity.legalBasis]],
      dataSubject: activity.subjectCategories.map((key) => entryIri('subject-category', key)),
      personalData: activity.dataCategories.map(({ category }) => entryIri('data-category', category)),
      recipient: [...new Set(flows.map((flow) => entryIri('party', flow.to)))],
      process: flows.map((flow) => entryIri('flow', flow.key)),
    });
  }
  for (const flow of document.flows ?? []) {
    graph.push({
      '@id': entryIri('flow', flow.key),
      '@type': 'dpv:Process',
      label: flow.key,
      exporter: entryIri('party', flow.from),
      importer: entryIri('party', flow.to),
      recipient: entryIri('party', flow.to),
      personalData: flow.dataCategories.map((key) => entryIri('data-category', key)),
      legalBasis: [...(flow.legalBasis ? LEGAL_BASIS_CONCEPTS[flow.legalBasis] : []), ...new Set(mechanismEntriesOf(flow).flatMap((entry) => TRANSFER_MECHANISM_CONCEPTS[entry.mechanism]))],
      measure: (flow.safeguards ?? []).flatMap((safeguard) => SAFEGUARD_CONCEPTS[safeguard]),
      country: (flow.countries ?? []).map((code) => `loc:${code}`),
    });
  }
  return { '@context': CONTEXT, '@graph': graph };
}
