import { stringify } from 'yaml';
import type { ActivityEntry, ContactPointEntry, FlowEntry, InventoryDocument, PartyEntry } from '../../domain/inventory-document';
import { normaliseInventory } from '../inventory/normalise-inventory';
import type { FidesObject } from './fides-manifest';
import { flowKey } from './fides-to-inventory';
import { CONTROLLING_KINDS, GDPR_SPECIAL_TAG, legalBasisToFides, mechanismToFides, OUTSIDE_KINDS, PIPL_SENSITIVE_TAG, responsibilityOf } from './fides-vocabulary';

export interface FidesExport {
  /** One manifest holding every resource: organization, the taxonomies, systems. */
  manifest: Record<string, FidesObject[]>;
  /** What of the map fideslang cannot hold, entry by entry. */
  warnings: string[];
}

/**
 * The fideslang data use of an activity. An activity imported from fideslang is keyed
 * `<controller>.<data use>`, so the use is what follows its controller's key; any other activity
 * gets a data use of its own, `flowmap.<key>`, defined in the manifest's data_use list.
 */
export function dataUseOf(activity: ActivityEntry): string {
  const prefix = `${activity.controller}.`;
  return activity.key.startsWith(prefix) ? activity.key.slice(prefix.length) : `flowmap.${activity.key.replace(/\./g, '_')}`;
}

function contactDetails(contact: string | null | undefined, name: string | null | undefined): FidesObject {
  const details: FidesObject = {};
  if (name) details.name = name;
  if (contact) details[/^[^\s,@]+@[^\s,@]+$/.test(contact) ? 'email' : 'address'] = contact;
  return details;
}

function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/** Fields of a flow that fideslang has no place for, when they say more than their default. */
function flowOnlyFields(flow: FlowEntry): string[] {
  const fields: string[] = [];
  if (flow.mechanism && !mechanismToFides(flow.mechanism)) fields.push(`mechanism ${flow.mechanism}`);
  if (flow.legalBasis) fields.push('legalBasis');
  if (flow.consentRequired) fields.push('consentRequired');
  if (flow.piplExemption) fields.push('piplExemption');
  if (flow.necessity) fields.push('necessity');
  if (flow.recipientRole) fields.push('recipientRole');
  if ((flow.safeguards ?? []).length > 0) fields.push('safeguards');
  if ((flow.countries ?? []).length > 0) fields.push('countries');
  if (flow.continuous === false) fields.push('continuous');
  if (flow.annualSubjects !== null && flow.annualSubjects !== undefined) fields.push('annualSubjects');
  if (flow.effectiveTo) fields.push('effectiveTo');
  if ((flow.evidence ?? []).length > 0) fields.push('evidence');
  return fields;
}

function activityOnlyFields(activity: ActivityEntry): string[] {
  const fields: string[] = [];
  if ((activity.securityMeasures ?? []).length > 0) fields.push('securityMeasures');
  if (activity.localisedIn) fields.push('localisedIn');
  if (activity.targetsResidents === false) fields.push('targetsResidents');
  if (activity.effectiveTo) fields.push('effectiveTo');
  if ((activity.evidence ?? []).length > 0) fields.push('evidence');
  if (activity.dataCategories.some((item) => !item.required)) fields.push('optional categories (required: false)');
  if (activity.retention?.period && activity.retention.event) fields.push('retention event beside its period');
  return fields;
}

/**
 * The data map as fideslang resources (docs/fides.md): each party a system, with its kind,
 * countries and engaging processor in `meta.flowmap` (fideslang keeps `meta` as given), each
 * activity a privacy declaration of its controller's system, each flow an egress of its sender and
 * an ingress of its receiver, named by the declarations of the activity it serves.
 */
export function inventoryToFides(input: InventoryDocument): FidesExport {
  const document = normaliseInventory(input);
  const warnings: string[] = [];
  const manifest: Record<string, FidesObject[]> = {};
  const activities = document.activities ?? [];
  const flows = document.flows ?? [];
  const activityByKey = new Map(activities.map((activity) => [activity.key, activity]));

  if (document.organisation) {
    const { organisation } = document;
    const resource: FidesObject = { fides_key: 'default_organization', name: organisation.name, controller: contactDetails(organisation.contact, organisation.name) };
    if (organisation.dpo) resource.data_protection_officer = contactDetails(organisation.dpo.contact, organisation.dpo.name);
    const [representative, ...others] = organisation.representatives ?? ([] as ContactPointEntry[]);
    if (representative) resource.representative = contactDetails(representative.contact, representative.name);
    if (others.length > 0) warnings.push(`organisation: fideslang holds one representative; ${others.length} more not exported`);
    if (organisation.representatives?.some((item) => item.country)) warnings.push("organisation: a representative's country has no fideslang field");
    if (organisation.policy) warnings.push('organisation.policy: no fideslang field');
    manifest.organization = [resource];
  }

  manifest.data_category = (document.dataCategories ?? []).map((category) => {
    const resource: FidesObject = { fides_key: category.key, name: category.name };
    if (category.description) resource.description = category.description;
    if (category.parent) resource.parent_key = category.parent;
    const tags = [...(category.gdprSpecial ? [GDPR_SPECIAL_TAG] : []), ...(category.piplSensitive ? [PIPL_SENSITIVE_TAG] : [])];
    if (tags.length > 0) resource.tags = tags;
    // fideslang requires a category's parent to be its key less the last segment.
    const expected = category.key.includes('.') ? category.key.slice(0, category.key.lastIndexOf('.')) : null;
    if ((category.parent ?? null) !== expected) warnings.push(`dataCategories/${category.key}: parent '${category.parent ?? ''}' is not its key less the last segment, which fideslang requires`);
    return resource;
  });

  manifest.data_subject = (document.subjectCategories ?? []).map((subject) => ({
    fides_key: subject.key,
    name: subject.name,
    ...(subject.description ? { description: subject.description } : {}),
  }));

  // A data use is defined where the activity's purpose says more than its name, or where it is Flowmap's own.
  const dataUses = new Map<string, FidesObject>();
  for (const activity of activities) {
    const dataUse = dataUseOf(activity);
    if (activity.purpose === activity.name && !dataUse.startsWith('flowmap.')) continue;
    const existing = dataUses.get(dataUse);
    if (existing && existing.description !== activity.purpose) {
      warnings.push(`activities/${activity.key}: data use '${dataUse}' already has the purpose of another activity; this one's is not exported`);
      continue;
    }
    dataUses.set(dataUse, { fides_key: dataUse, name: activity.name, description: activity.purpose });
  }
  manifest.data_use = [...dataUses.values()];

  manifest.system = (document.parties ?? []).map((party) => systemOf(party, activities, flows, warnings));

  for (const activity of activities) {
    if (!legalBasisToFides(activity.legalBasis)) warnings.push(`activities/${activity.key}: legal basis ${activity.legalBasis} has no fideslang value (GDPR Art. 6 has none for data made public); left out`);
    else if (activity.legalBasis === 'SEPARATE_CONSENT') warnings.push(`activities/${activity.key}: SEPARATE_CONSENT is exported as Consent (fideslang has no separate consent)`);
    const only = activityOnlyFields(activity);
    if (only.length > 0) warnings.push(`activities/${activity.key}: ${only.join(', ')}: no fideslang field`);
  }
  for (const flow of flows) {
    const only = flowOnlyFields(flow);
    if (only.length > 0) warnings.push(`flows/${flow.key}: ${only.join(', ')}: no fideslang field`);
    const activity = activityByKey.get(flow.activity);
    if (activity && flow.key !== flowKey(activity, flow.from, flow.to)) warnings.push(`flows/${flow.key}: an import of this export keys it '${flowKey(activity, flow.from, flow.to)}'`);
  }
  for (const party of document.parties ?? []) {
    if ((party.evidence ?? []).length > 0) warnings.push(`parties/${party.key}: evidence: no fideslang field`);
  }
  if ((document.persons ?? []).length > 0) warnings.push('persons: fideslang describes systems, not people: not exported');
  return { manifest, warnings };
}

function systemOf(party: PartyEntry, activities: ActivityEntry[], flows: FlowEntry[], warnings: string[]): FidesObject {
  const controls = CONTROLLING_KINDS.includes(party.kind);
  // The activities the party decides, and for a processor or recipient those it sends or receives data of.
  // A party that could decide activities of its own declares only those: a declaration on its system
  // is read back as its own activity, so its part in another's is told by the other end alone.
  const declared = activities.filter(
    (activity) => activity.controller === party.key || (!controls && flows.some((flow) => flow.activity === activity.key && (flow.from === party.key || flow.to === party.key))),
  );
  const declaredKeys = new Set(declared.map((activity) => activity.key));
  const outgoing = flows.filter((flow) => flow.from === party.key && declaredKeys.has(flow.activity));
  const incoming = flows.filter((flow) => flow.to === party.key && declaredKeys.has(flow.activity));
  for (const flow of flows) {
    if (flow.from === party.key && !declaredKeys.has(flow.activity)) {
      warnings.push(`flows/${flow.key}: an onward flow from ${party.key}, which could decide activities of its own, of another's activity has no fideslang form: not exported`);
    }
  }
  const direction = (list: FlowEntry[], end: 'to' | 'from') => {
    const byOther = new Map<string, string[]>();
    for (const flow of list) byOther.set(flow[end], [...(byOther.get(flow[end]) ?? []), ...flow.dataCategories]);
    return [...byOther.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([other, carried]) => ({ fides_key: other, type: 'system', data_categories: sortedUnique(carried) }));
  };

  const declarations = declared.map((activity) => {
    const decides = activity.controller === party.key;
    const mine = (list: FlowEntry[]) => list.filter((flow) => flow.activity === activity.key);
    const declaration: FidesObject = {
      name: activity.name,
      data_use: dataUseOf(activity),
      data_categories: decides
        ? activity.dataCategories.map((item) => item.category)
        : sortedUnique([...mine(outgoing), ...mine(incoming)].flatMap((flow) => flow.dataCategories)),
      data_subjects: [...activity.subjectCategories],
    };
    const basis = legalBasisToFides(activity.legalBasis);
    if (basis) declaration.legal_basis_for_processing = basis;
    const retention = activity.retention?.period ?? activity.retention?.event;
    if (retention) declaration.retention_period = retention;
    const egress = sortedUnique(mine(outgoing).map((flow) => flow.to));
    const ingress = sortedUnique(mine(incoming).map((flow) => flow.from));
    if (egress.length > 0) declaration.egress = egress;
    if (ingress.length > 0) declaration.ingress = ingress;
    return declaration;
  });

  const system: FidesObject = {
    fides_key: party.key,
    name: party.name,
    ...(party.description ? { description: party.description } : {}),
    system_type: OUTSIDE_KINDS.includes(party.kind) ? 'Third Party' : 'Service',
    responsibility: [responsibilityOf(party.kind)],
    meta: { flowmap: { kind: party.kind, countries: [...party.countries], ...(party.engagedBy ? { engagedBy: party.engagedBy } : {}) } },
  };
  const transferBases = sortedUnique(outgoing.flatMap((flow) => (flow.mechanism && mechanismToFides(flow.mechanism) ? [mechanismToFides(flow.mechanism)!] : [])));
  if (transferBases.length > 0) {
    system.does_international_transfers = true;
    system.legal_basis_for_transfers = transferBases;
    if (transferBases.length > 1 || outgoing.some((flow) => !flow.mechanism)) {
      warnings.push(`parties/${party.key}: fideslang holds the transfer bases of a system, not of each flow (${transferBases.join(', ')})`);
    }
  }
  const egress = direction(outgoing, 'to');
  const ingress = direction(incoming, 'from');
  if (egress.length > 0) system.egress = egress;
  if (ingress.length > 0) system.ingress = ingress;
  system.privacy_declarations = declarations;
  return system;
}

/** The manifest as YAML, as fideslang's tools read it. */
export function stringifyFidesManifest(manifest: FidesExport['manifest']): string {
  return stringify(manifest, { lineWidth: 0 });
}
