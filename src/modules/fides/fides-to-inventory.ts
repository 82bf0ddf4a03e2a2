import type { LegalBasis } from '../../domain/legal-basis';
import type { TransferMechanism } from '../../domain/transfer-mechanism';
import type {
  ActivityEntry,
  ContactPointEntry,
  DataCategoryEntry,
  FlowEntry,
  InventoryDocument,
  OrganisationEntry,
  PartyEntry,
  RetentionEntry,
  SubjectCategoryEntry,
} from '../../domain/inventory-document';
import { PartyKind } from '../../domain/party-kind';
import { isObject, type FidesObject, type FidesResource, type FidesWarning } from './fides-manifest';
import {
  CONTROLLING_KINDS,
  GDPR_SPECIAL_TAG,
  isGdprSpecialInDefaultTaxonomy,
  isPiplSensitiveInDefaultTaxonomy,
  legalBasisFromFides,
  mechanismFromFides,
  PIPL_SENSITIVE_TAG,
} from './fides-vocabulary';

export interface FidesImportOptions {
  /** The first day in force of an activity or flow the registry does not hold yet (fideslang has no dates). */
  effectiveFrom: string;
  /** What the registry holds now: what fideslang cannot say (countries, evidence, dates...) is kept from it. */
  stored: InventoryDocument;
}

export interface FidesConversion {
  document: InventoryDocument;
  warnings: FidesWarning[];
  /** Where each entry of the document came from, by `section/key`: errors found on it point there. */
  sources: Map<string, string>;
}

/** fideslang's root of the category tree, which Flowmap's tree does not have. */
const FIDES_CATEGORY_ROOT = 'data_category';
const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

function text(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.map(text).filter((item): item is string => item !== null) : [];
}

function isEmptyValue(value: unknown): boolean {
  return (
    value === null || value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0)
  );
}

/** 'user.contact.cookie_id' -> 'Cookie id': a name for a category or subject the manifests do not define. */
function nameFromKey(key: string): string {
  const last = key.split('.').pop() ?? key;
  const words = last.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function parentOf(key: string): string | null {
  const index = key.lastIndexOf('.');
  return index === -1 ? null : key.slice(0, index);
}

function isUnder(category: string, ancestor: string): boolean {
  return category === ancestor || category.startsWith(`${ancestor}.`);
}

function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

function byKey<T extends { key: string }>(entries: readonly T[] | undefined): Map<string, T> {
  return new Map((entries ?? []).map((entry) => [entry.key, entry]));
}

/** Fields of a resource that Flowmap reads, and the values fideslang gives those it does not when left out. */
interface FieldCoverage {
  read: readonly string[];
  defaults?: Readonly<Record<string, unknown>>;
}

const TAXONOMY_FIELDS = ['fides_key', 'name', 'description', 'organization_fides_key', 'is_default', 'version_added', 'version_deprecated', 'replaced_by', 'active', 'tags'];
const COVERAGE: Record<'system' | 'declaration' | 'organization' | 'data_category' | 'data_subject' | 'data_use', FieldCoverage> = {
  system: {
    read: ['fides_key', 'name', 'description', 'system_type', 'responsibility', 'data_responsibility_title', 'egress', 'ingress', 'privacy_declarations', 'meta',
      'legal_basis_for_transfers', 'does_international_transfers', 'organization_fides_key', 'dataset_references'],
    defaults: { administrating_department: 'Not defined', processes_personal_data: true },
  },
  declaration: {
    read: ['name', 'data_use', 'data_categories', 'data_subjects', 'legal_basis_for_processing', 'retention_period', 'egress', 'ingress', 'dataset_references'],
    defaults: { flexible_legal_basis_for_processing: true },
  },
  organization: { read: ['fides_key', 'name', 'description', 'controller', 'data_protection_officer', 'representative', 'organization_fides_key'] },
  data_category: { read: [...TAXONOMY_FIELDS, 'parent_key'] },
  data_subject: { read: [...TAXONOMY_FIELDS, 'rights', 'automated_decisions_or_profiling'] },
  data_use: { read: [...TAXONOMY_FIELDS, 'parent_key'] },
};

/**
 * A data map from fideslang resources: systems become parties, their privacy declarations
 * activities, declared egress and ingress between systems flows, the taxonomies the category and
 * subject trees, the organization the controller's contact, DPO and representative. What has no
 * place in Flowmap is reported as a warning at the resource it is in; what Flowmap needs and
 * fideslang cannot say is taken from the registry, or else left at its default (docs/fides.md).
 */
export function fidesToInventory(resources: readonly FidesResource[], options: FidesImportOptions): FidesConversion {
  const warnings: FidesWarning[] = [];
  const sources = new Map<string, string>();
  const warn = (at: string, message: string): void => void warnings.push({ at, message });
  const stored = {
    subjects: byKey(options.stored.subjectCategories),
    categories: byKey(options.stored.dataCategories),
    parties: byKey(options.stored.parties),
    activities: byKey(options.stored.activities),
    flows: byKey(options.stored.flows),
  };
  const subjects = new Map<string, SubjectCategoryEntry>();
  const categories = new Map<string, DataCategoryEntry>();
  const parties = new Map<string, PartyEntry>();
  const activities = new Map<string, ActivityEntry>();
  const flows = new Map<string, FlowEntry>();
  const ofKind = (kind: FidesResource['kind']) => resources.filter((resource) => resource.kind === kind);

  function reportUnmapped(value: FidesObject, coverage: FieldCoverage, at: string): void {
    for (const [field, fieldValue] of Object.entries(value)) {
      if (coverage.read.includes(field) || isEmptyValue(fieldValue)) continue;
      if (coverage.defaults && JSON.stringify(coverage.defaults[field]) === JSON.stringify(fieldValue)) continue;
      warn(`${at}.${field}`, 'not mapped: Flowmap has no field for it');
    }
  }

  function keyOf(fidesKey: string, at: string): string {
    const key = fidesKey.toLowerCase();
    if (key !== fidesKey) warn(at, `'${fidesKey}' is keyed '${key}' in Flowmap (keys are lowercase)`);
    return key;
  }

  function ensureCategory(key: string, at: string): void {
    if (categories.has(key)) return;
    const storedCategory = stored.categories.get(key);
    const parent = storedCategory ? (storedCategory.parent ?? null) : parentOf(key);
    categories.set(key, {
      key,
      name: storedCategory?.name ?? nameFromKey(key),
      parent,
      gdprSpecial: isGdprSpecialInDefaultTaxonomy(key) || (storedCategory?.gdprSpecial ?? false),
      piplSensitive: isPiplSensitiveInDefaultTaxonomy(key) || (storedCategory?.piplSensitive ?? false),
      description: storedCategory?.description ?? null,
    });
    sources.set(`dataCategories/${key}`, at);
    if (parent) ensureCategory(parent, at);
  }

  function ensureSubject(key: string, at: string): void {
    if (subjects.has(key)) return;
    const storedSubject = stored.subjects.get(key);
    subjects.set(key, { key, name: storedSubject?.name ?? nameFromKey(key), description: storedSubject?.description ?? null });
    sources.set(`subjectCategories/${key}`, at);
  }

  // The taxonomies first: the entries they define win over those made up from a reference.
  for (const resource of ofKind('data_category')) {
    const key = keyOf(resource.fidesKey, resource.at);
    const { value } = resource;
    reportUnmapped(value, COVERAGE.data_category, resource.at);
    const storedCategory = stored.categories.get(key);
    const written = text(value.parent_key)?.toLowerCase() ?? null;
    const parent = written === FIDES_CATEGORY_ROOT ? null : (written ?? parentOf(key));
    const tags = texts(value.tags);
    categories.set(key, {
      key,
      name: text(value.name) ?? storedCategory?.name ?? nameFromKey(key),
      parent,
      gdprSpecial: tags.includes(GDPR_SPECIAL_TAG) || isGdprSpecialInDefaultTaxonomy(key) || (storedCategory?.gdprSpecial ?? false),
      piplSensitive: tags.includes(PIPL_SENSITIVE_TAG) || isPiplSensitiveInDefaultTaxonomy(key) || (storedCategory?.piplSensitive ?? false),
      description: text(value.description) ?? storedCategory?.description ?? null,
    });
    sources.set(`dataCategories/${key}`, resource.at);
  }
  for (const category of [...categories.values()]) if (category.parent) ensureCategory(category.parent, sources.get(`dataCategories/${category.key}`) ?? '');

  for (const resource of ofKind('data_subject')) {
    const key = keyOf(resource.fidesKey, resource.at);
    reportUnmapped(resource.value, COVERAGE.data_subject, resource.at);
    if (!isEmptyValue(resource.value.rights)) warn(`${resource.at}.rights`, 'not mapped: Flowmap records the rights the law gives, not per subject category');
    if (resource.value.automated_decisions_or_profiling === true) warn(`${resource.at}.automated_decisions_or_profiling`, 'not mapped: Flowmap records no automated decisions');
    const storedSubject = stored.subjects.get(key);
    subjects.set(key, {
      key,
      name: text(resource.value.name) ?? storedSubject?.name ?? nameFromKey(key),
      description: text(resource.value.description) ?? storedSubject?.description ?? null,
    });
    sources.set(`subjectCategories/${key}`, resource.at);
  }

  const dataUses = new Map<string, { resource: FidesResource; used: boolean }>();
  for (const resource of ofKind('data_use')) {
    reportUnmapped(resource.value, { read: [...COVERAGE.data_use.read, 'rights', 'automated_decisions_or_profiling'] }, resource.at);
    dataUses.set(resource.fidesKey.toLowerCase(), { resource, used: false });
  }

  const datasetCategories = new Map<string, string[]>();
  for (const resource of ofKind('dataset')) {
    const found: string[] = [];
    const collect = (node: unknown): void => {
      if (!isObject(node)) return;
      found.push(...texts(node.data_categories).map((category) => category.toLowerCase()));
      for (const child of [...(Array.isArray(node.collections) ? node.collections : []), ...(Array.isArray(node.fields) ? node.fields : [])]) collect(child);
    };
    collect(resource.value);
    const unique = sortedUnique(found);
    for (const category of unique) ensureCategory(category, resource.at);
    datasetCategories.set(resource.fidesKey.toLowerCase(), unique);
    warn(
      resource.at,
      `Flowmap records no data stores: the dataset's ${unique.length} data categor${unique.length === 1 ? 'y is' : 'ies are'} added to the category tree and to the activities of the declarations that reference it; its collections and fields are not kept`,
    );
  }

  for (const resource of ofKind('policy')) warn(resource.at, "not mapped: Flowmap judges the map by its own rules (the `rules` query), not by fideslang policies");

  let organisation: OrganisationEntry | null | undefined;
  const [organization, ...otherOrganizations] = ofKind('organization');
  for (const other of otherOrganizations) warn(other.at, 'Flowmap holds one organisation per registry: ignored');
  if (organization) organisation = organisationFrom(organization, options.stored.organisation ?? null, reportUnmapped, warn);

  // Systems become parties.
  interface SystemPlan {
    resource: FidesResource;
    key: string;
    egress: Map<string, { type: string; categories: string[]; index: number; used: boolean }>;
    ingress: Map<string, { type: string; categories: string[]; index: number; used: boolean }>;
    mechanism: TransferMechanism | null;
  }
  const systems: SystemPlan[] = [];
  for (const resource of ofKind('system')) {
    const { value, at } = resource;
    const key = keyOf(resource.fidesKey, at);
    if (parties.has(key)) {
      warn(at, `a second system keyed '${key}': ignored`);
      continue;
    }
    const plan: SystemPlan = { resource, key, egress: new Map(), ingress: new Map(), mechanism: null };
    for (const direction of ['egress', 'ingress'] as const) {
      (Array.isArray(value[direction]) ? value[direction] : []).forEach((flow: unknown, index: number) => {
        if (!isObject(flow) || text(flow.fides_key) === null) return;
        plan[direction].set(String(flow.fides_key).toLowerCase(), {
          type: text(flow.type) ?? 'system',
          categories: texts(flow.data_categories).map((category) => category.toLowerCase()),
          index,
          used: false,
        });
      });
    }
    reportUnmapped(value, COVERAGE.system, at);
    const meta = isObject(value.meta) && isObject(value.meta.flowmap) ? value.meta.flowmap : {};
    if (isObject(value.meta) && Object.keys(value.meta).some((field) => field !== 'flowmap')) warn(`${at}.meta`, 'not mapped, except meta.flowmap');
    const storedParty = stored.parties.get(key);
    const kind = partyKindOf(value, meta, storedParty?.kind ?? null);
    const metaCountries = Array.isArray(meta.countries) ? texts(meta.countries).map((country) => country.toUpperCase()) : null;
    const countries = metaCountries ?? storedParty?.countries ?? [];
    if (!metaCountries && !storedParty) warn(at, 'no countries: fideslang records none, so where the system holds the data is unknown to Flowmap (give them in meta.flowmap.countries)');
    const sameCountries = storedParty && JSON.stringify([...storedParty.countries].sort()) === JSON.stringify([...countries].sort());
    const party: PartyEntry = {
      key,
      name: text(value.name) ?? storedParty?.name ?? resource.fidesKey,
      kind,
      countries,
      engagedBy: kind === PartyKind.SUB_PROCESSOR ? (text(meta.engagedBy) ?? storedParty?.engagedBy ?? null) : null,
      description: text(value.description) ?? storedParty?.description ?? null,
      evidence: storedParty?.evidence ?? [],
    };
    if (sameCountries && storedParty.countryHistory) party.countryHistory = storedParty.countryHistory;
    parties.set(key, party);
    sources.set(`parties/${key}`, at);

    const transferBases = texts(value.legal_basis_for_transfers);
    const mechanisms = sortedUnique(transferBases.map(mechanismFromFides).filter((mechanism): mechanism is TransferMechanism => mechanism !== null));
    for (const basis of transferBases) {
      if (!mechanismFromFides(basis)) warn(`${at}.legal_basis_for_transfers`, `'${basis}' names no transfer mechanism Flowmap knows (Adequacy Decision, SCCs, BCRs)`);
    }
    if (mechanisms.length === 1) plan.mechanism = mechanisms[0] as TransferMechanism;
    else if (mechanisms.length > 1) warn(`${at}.legal_basis_for_transfers`, `${mechanisms.join(', ')}: fideslang does not say which flow rests on which, so no flow's mechanism is set from them`);
    systems.push(plan);
  }

  // A sub-processor needs the processor that engaged it: the one processor system that sends it data.
  for (const party of parties.values()) {
    if (party.kind !== PartyKind.SUB_PROCESSOR || party.engagedBy) continue;
    const senders = systems.filter((plan) => plan.egress.get(party.key)?.type === 'system' && [PartyKind.PROCESSOR, PartyKind.SUB_PROCESSOR].includes(parties.get(plan.key)!.kind));
    if (senders.length === 1) party.engagedBy = senders[0]!.key;
    else {
      warn(sources.get(`parties/${party.key}`)!, 'a Sub-Processor needs the processor that engaged it: no single processor system sends it data (give meta.flowmap.engagedBy); recorded as a PROCESSOR');
      party.kind = PartyKind.PROCESSOR;
    }
  }

  /** The registry's party for a system the manifests only name, so that the file stays whole. */
  function knownParty(key: string): boolean {
    if (parties.has(key)) return true;
    const storedParty = stored.parties.get(key);
    if (!storedParty) return false;
    parties.set(key, storedParty);
    return true;
  }

  const activitiesByUse = new Map<string, ActivityEntry[]>();

  /** Flows whose categories an egress or ingress named, rather than all of the activity's. */
  const namedCategories = new Set<string>();

  function addFlow(activity: ActivityEntry, from: string, to: string, flowCategories: string[], named: boolean, mechanism: TransferMechanism | null, at: string): void {
    const key = flowKey(activity, from, to);
    const existing = flows.get(key);
    if (existing) {
      // Told from both ends: the end that names the categories says more than the one that names none.
      if (named && namedCategories.has(key)) existing.dataCategories = sortedUnique([...existing.dataCategories, ...flowCategories]);
      else if (named) existing.dataCategories = flowCategories;
      if (named) namedCategories.add(key);
      if (mechanism) existing.mechanism = mechanism;
      return;
    }
    if (named) namedCategories.add(key);
    const storedFlow = stored.flows.get(key);
    flows.set(key, {
      ...storedFlow,
      key,
      activity: activity.key,
      from,
      to,
      dataCategories: flowCategories,
      mechanism: mechanism ?? storedFlow?.mechanism ?? null,
      effectiveFrom: storedFlow?.effectiveFrom ?? options.effectiveFrom,
    });
    sources.set(`flows/${key}`, at);
  }

  function declarationFlows(plan: SystemPlan, declaration: FidesObject, activity: ActivityEntry, at: string): void {
    // What the declaration processes, as far as the activity covers it: a processor's may name less.
    const activityCategories = activity.dataCategories.map((item) => item.category);
    const declaredHere =
      activity.controller === plan.key ? activityCategories : flowCategoriesOf(texts(declaration.data_categories).map((category) => category.toLowerCase()), activityCategories);
    for (const direction of ['egress', 'ingress'] as const) {
      for (const other of texts(declaration[direction]).map((key) => key.toLowerCase())) {
        const declared = plan[direction].get(other);
        if (!declared) {
          warn(`${at}.${direction}`, `'${other}' is not in the system's own ${direction}: no flow`);
          continue;
        }
        declared.used = true;
        // A dataset is a store of the system itself, and `user` the data subject: neither is a recipient.
        if (declared.type !== 'system') continue;
        if (!knownParty(other)) {
          warn(`${at}.${direction}`, `system '${other}' is neither in the manifests nor in the registry: no flow`);
          continue;
        }
        const carried = flowCategoriesOf(declared.categories, declaredHere);
        if (carried.length === 0) {
          warn(`${at}.${direction}`, `the data sent to or from '${other}' is none of the activity's categories: no flow`);
          continue;
        }
        const [from, to] = direction === 'egress' ? [plan.key, other] : [other, plan.key];
        const sender = systems.find((candidate) => candidate.key === from);
        addFlow(activity, from, to, carried, declared.categories.length > 0, sender?.mechanism ?? null, `${at}.${direction}`);
      }
    }
  }

  // Declarations of the systems that decide them become activities...
  for (const plan of systems) {
    const party = parties.get(plan.key)!;
    if (!CONTROLLING_KINDS.includes(party.kind)) continue;
    declarationsOf(plan.resource).forEach(({ declaration, at }) => {
      const dataUse = text(declaration.data_use)?.toLowerCase();
      if (!dataUse) {
        warn(at, 'no data_use: not imported');
        return;
      }
      reportUnmapped(declaration, COVERAGE.declaration, at);
      let key = `${plan.key}.${dataUse}`;
      for (let n = 2; activities.has(key); n += 1) key = `${plan.key}.${dataUse}.${n}`;
      if (key !== `${plan.key}.${dataUse}`) warn(at, `a second declaration of data use '${dataUse}' on the system: keyed '${key}'`);
      const storedActivity = stored.activities.get(key);
      const basisText = text(declaration.legal_basis_for_processing);
      const legalBasis: LegalBasis | null = basisText ? legalBasisFromFides(basisText) : (storedActivity?.legalBasis ?? null);
      if (basisText && !legalBasis) {
        warn(`${at}.legal_basis_for_processing`, `'${basisText}' is not a fideslang legal basis: not imported`);
        return;
      }
      if (!legalBasis) {
        warn(at, 'no legal_basis_for_processing: Flowmap needs the legal basis of every activity; not imported');
        return;
      }
      if (declaration.processes_special_category_data === true) {
        warn(`${at}.special_category_legal_basis`, 'not mapped: record the Art. 9(2) condition as ART9_CONDITION evidence on the activity');
      }
      const useDefinition = dataUses.get(dataUse);
      if (useDefinition) useDefinition.used = true;
      const declaredCategories = texts(declaration.data_categories).map((category) => category.toLowerCase());
      for (const dataset of texts(declaration.dataset_references).map((reference) => reference.toLowerCase())) {
        const found = datasetCategories.get(dataset);
        if (found) declaredCategories.push(...found);
        else warn(`${at}.dataset_references`, `no dataset '${dataset}' in the manifests`);
      }
      const activityCategories = sortedUnique(declaredCategories);
      for (const category of activityCategories) ensureCategory(category, at);
      const subjectKeys = sortedUnique(texts(declaration.data_subjects).map((subject) => subject.toLowerCase()));
      for (const subject of subjectKeys) ensureSubject(subject, at);
      const requiredBefore = new Map((storedActivity?.dataCategories ?? []).map((item) => [item.category, item.required]));
      const name = text(declaration.name) ?? dataUse;
      const activity: ActivityEntry = {
        ...storedActivity,
        key,
        name,
        purpose: text(useDefinition?.resource.value.description) ?? text(useDefinition?.resource.value.name) ?? name,
        controller: plan.key,
        legalBasis,
        subjectCategories: subjectKeys,
        // A declaration lists what the system processes for the use; fideslang does not say what is optional.
        dataCategories: activityCategories.map((category) => ({ category, required: requiredBefore.get(category) ?? true })),
        retention: retentionOf(text(declaration.retention_period)) ?? storedActivity?.retention ?? null,
        effectiveFrom: storedActivity?.effectiveFrom ?? options.effectiveFrom,
      };
      activities.set(key, activity);
      activitiesByUse.set(dataUse, [...(activitiesByUse.get(dataUse) ?? []), activity]);
      sources.set(`activities/${key}`, at);
    });
  }
  // ...and the flows they declare, once every activity exists: those of processors and other
  // recipients serve the activity of the same data use.
  for (const plan of systems) {
    const party = parties.get(plan.key)!;
    const controls = CONTROLLING_KINDS.includes(party.kind);
    declarationsOf(plan.resource).forEach(({ declaration, at }) => {
      const dataUse = text(declaration.data_use)?.toLowerCase();
      if (!dataUse) return;
      let activity: ActivityEntry | undefined;
      if (controls) {
        activity = [...activities.values()].find((candidate) => sources.get(`activities/${candidate.key}`) === at);
      } else {
        reportUnmapped(declaration, COVERAGE.declaration, at);
        const candidates = activitiesByUse.get(dataUse) ?? [];
        activity = candidates.find((candidate) => systems.find((sender) => sender.key === candidate.controller)?.egress.has(plan.key)) ?? candidates[0];
        if (!activity) {
          warn(at, `a ${party.kind} system's declaration serves an activity of a controller, and no controlling system declares data use '${dataUse}': not imported`);
          return;
        }
        if (candidates.length > 1) warn(at, `data use '${dataUse}' is declared by several controlling systems: its flows serve '${activity.key}'`);
      }
      if (activity) declarationFlows(plan, declaration, activity, at);
    });
    for (const direction of ['egress', 'ingress'] as const) {
      for (const [other, declared] of plan[direction]) {
        if (!declared.used && declared.type === 'system') {
          warn(`${plan.resource.at}.${direction}[${declared.index}] (${other})`, 'no privacy declaration of the system names it: no flow (a Flowmap flow serves an activity)');
        }
      }
    }
  }
  for (const [dataUse, { resource, used }] of dataUses) {
    if (!used) warn(resource.at, `data use '${dataUse}' is declared by no imported activity: Flowmap keeps purposes on activities, not a taxonomy of them`);
  }

  const document: InventoryDocument = {
    flowmap: 1,
    subjectCategories: [...subjects.values()],
    dataCategories: [...categories.values()],
    parties: [...parties.values()],
    activities: [...activities.values()],
    flows: [...flows.values()],
  };
  if (organisation !== undefined) document.organisation = organisation;
  return { document, warnings, sources };
}

/** The key of the flow of an activity from one party to another, the same from either end's declaration. */
export function flowKey(activity: { key: string; controller: string }, from: string, to: string): string {
  return from === activity.controller ? `${activity.key}.to.${to}` : `${activity.key}.${from}.to.${to}`;
}

function declarationsOf(resource: FidesResource): { declaration: FidesObject; at: string }[] {
  const list = Array.isArray(resource.value.privacy_declarations) ? resource.value.privacy_declarations : [];
  return list.flatMap((declaration: unknown, index: number) =>
    isObject(declaration) ? [{ declaration, at: `${resource.at}.privacy_declarations[${index}]${text(declaration.name) ? ` (${String(declaration.name)})` : ''}` }] : [],
  );
}

/**
 * What a system is. fideslang's `responsibility` (or the older `data_responsibility_title`) says
 * Controller, Processor or Sub-Processor; a Controller the registry holds as an affiliate, joint
 * controller, third party, SDK provider or authority stays that, and a new one is a THIRD_PARTY when
 * its system_type says "Third Party", else the organisation's own CONTROLLER.
 */
function partyKindOf(value: FidesObject, meta: FidesObject, storedKind: PartyKind | null): PartyKind {
  const metaKind = text(meta.kind);
  if (metaKind && (Object.values(PartyKind) as string[]).includes(metaKind)) return metaKind as PartyKind;
  const responsibilities = [...texts(value.responsibility), ...(text(value.data_responsibility_title) ? [String(value.data_responsibility_title)] : [])].map((item) => item.toLowerCase());
  if (responsibilities.includes('sub-processor')) return PartyKind.SUB_PROCESSOR;
  if (responsibilities.includes('processor')) return PartyKind.PROCESSOR;
  if (storedKind && storedKind !== PartyKind.PROCESSOR && storedKind !== PartyKind.SUB_PROCESSOR) return storedKind;
  if (responsibilities.length === 0 && storedKind) return storedKind;
  return /third[\s_-]*party/i.test(text(value.system_type) ?? '') ? PartyKind.THIRD_PARTY : PartyKind.CONTROLLER;
}

/**
 * The categories a flow carries: those an egress or ingress names that the activity covers, and
 * for a broader one the activity's categories under it; everything the activity has when it names none.
 */
function flowCategoriesOf(declared: readonly string[], activityCategories: readonly string[]): string[] {
  if (declared.length === 0) return [...activityCategories];
  return sortedUnique(
    declared.flatMap((category) =>
      activityCategories.some((covering) => isUnder(category, covering)) ? [category] : activityCategories.filter((narrower) => isUnder(narrower, category)),
    ),
  );
}

function retentionOf(value: string | null): RetentionEntry | null {
  if (value === null) return null;
  return ISO_DURATION.test(value.trim()) ? { period: value.trim(), event: null } : { period: null, event: value };
}

/** fideslang's ContactDetails in one line, as Flowmap keeps a contact: e-mail, phone, address. */
function contactText(details: unknown): string | null {
  if (!isObject(details)) return null;
  const parts = [details.email, details.phone, details.address].map(text).filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(', ') : null;
}

function organisationFrom(
  resource: FidesResource,
  storedOrganisation: OrganisationEntry | null,
  reportUnmapped: (value: FidesObject, coverage: FieldCoverage, at: string) => void,
  warn: (at: string, message: string) => void,
): OrganisationEntry {
  const { value, at } = resource;
  reportUnmapped(value, COVERAGE.organization, at);
  const organisation: OrganisationEntry = { ...storedOrganisation, name: text(value.name) ?? storedOrganisation?.name ?? resource.fidesKey };
  const controllerContact = contactText(value.controller);
  if (controllerContact) organisation.contact = controllerContact;
  const dpo = contactPointOf(value.data_protection_officer, `${at}.data_protection_officer`, warn);
  if (dpo) organisation.dpo = dpo;
  const representative = contactPointOf(value.representative, `${at}.representative`, warn);
  if (representative) {
    const others = (storedOrganisation?.representatives ?? []).filter((stored) => stored.name !== representative.name);
    const before = storedOrganisation?.representatives?.find((stored) => stored.name === representative.name);
    // fideslang's representative has no country: the one on record for that name is kept.
    organisation.representatives = [{ ...representative, country: before?.country ?? null }, ...others];
  }
  return organisation;
}

function contactPointOf(details: unknown, at: string, warn: (at: string, message: string) => void): ContactPointEntry | null {
  if (!isObject(details)) return null;
  const contact = contactText(details);
  if (!contact) {
    if (text(details.name)) warn(at, 'a name without e-mail, phone or address: Flowmap records how to reach them, so it is left out');
    return null;
  }
  return { name: text(details.name), contact };
}
