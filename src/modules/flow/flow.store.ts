import type { EntityManager } from 'typeorm';
import { inSequence } from '../../common/sequence';
import { groupBy } from '../../common/collections';
import { LegalBasis } from '../../domain/legal-basis';
import { categoryLineages } from '../data-category/data-category.store';
import { readEvidence, replaceEvidence, validateEvidence, insertMechanismEvidence, readMechanismEvidence } from '../evidence/evidence.store';
import type { FlowEntry, MechanismEntry } from '../../domain/inventory-document';
import { validateCountries, validateEffectiveRange, validateKey, validateReferences } from '../registry/entry-validation';
import { idsByKey } from '../registry/key-lookup';
import { consentReferrers } from '../registry/consent-referrers';
import { readLinks, replaceLinks } from '../registry/links';
import type { RegistryKind, ValidationContext } from '../registry/registry-kind';
import { FlowEntity } from './flow.entity';
import { RecipientRole } from '../../domain/recipient-role';
import { PiplExemption, Safeguard, TransferMechanism, SccModule } from '../../domain/transfer-mechanism';
import { mechanismEntriesOf, validateMechanisms } from './mechanism-list';

const FLOW_CATEGORY = { table: 'flow_data_category', ownerColumn: 'flow_id', valueColumn: 'data_category_id', valueType: 'uuid' } as const;
const FLOW_COUNTRY = { table: 'flow_country', ownerColumn: 'flow_id', valueColumn: 'country_code', valueType: 'text' } as const;

type Problems = ValidationContext['problems'];

async function validateParties(manager: EntityManager, entry: FlowEntry, at: string, problems: Problems): Promise<void> {
  const parties = await idsByKey(manager, 'party', [entry.from, entry.to]);
  if (!parties.has(entry.from)) problems.add(`${at}.from`, `no party '${entry.from}'`);
  if (!parties.has(entry.to)) problems.add(`${at}.to`, `no party '${entry.to}'`);
  if (entry.from === entry.to) problems.add(`${at}.to`, `a flow cannot go from party '${entry.from}' to itself`);
  const countries = entry.countries ?? [];
  validateCountries(countries, `${at}.countries`, problems);
  const receiverId = parties.get(entry.to);
  if (receiverId === undefined || countries.length === 0) return;
  const receiverCountries = new Set(
    ((await manager.query('SELECT country_code FROM party_country WHERE party_id = $1', [receiverId])) as { country_code: string }[]).map(
      (row) => row.country_code,
    ),
  );
  countries.forEach((code, index) => {
    if (!receiverCountries.has(code)) problems.add(`${at}.countries[${index}]`, `party '${entry.to}' is not in '${code}'`);
  });
}

/** Every category a flow carries must be one its activity covers: the category itself or one above it. */
async function validateCategories(manager: EntityManager, entry: FlowEntry, at: string, problems: Problems): Promise<void> {
  if (entry.dataCategories.length === 0) problems.add(`${at}.dataCategories`, 'a flow carries at least one data category');
  const categories = await idsByKey(manager, 'data_category', entry.dataCategories);
  validateReferences(entry.dataCategories, categories, 'data category', `${at}.dataCategories`, problems);
  entry.dataCategories.forEach((key, index) => {
    if (entry.dataCategories.indexOf(key) !== index) problems.add(`${at}.dataCategories[${index}]`, `'${key}' is listed twice`);
  });
  const [activity] = (await manager.query('SELECT id FROM activity WHERE key = $1', [entry.activity])) as { id: string }[];
  if (!activity) {
    problems.add(`${at}.activity`, `no activity '${entry.activity}'`);
    return;
  }
  const covered = new Set(
    ((await manager.query('SELECT data_category_id FROM activity_data_category WHERE activity_id = $1', [activity.id])) as {
      data_category_id: string;
    }[]).map((row) => row.data_category_id),
  );
  const lineages = await categoryLineages(manager, [...categories.values()]);
  entry.dataCategories.forEach((key, index) => {
    const id = categories.get(key);
    if (id !== undefined && ![...(lineages.get(id) ?? [])].some((ancestor) => covered.has(ancestor))) {
      problems.add(`${at}.dataCategories[${index}]`, `activity '${entry.activity}' does not cover '${key}'`);
    }
  });
}

async function validateFlow(manager: EntityManager, entry: FlowEntry, { problems, at }: ValidationContext): Promise<void> {
  validateKey(entry.key, `${at}.key`, problems);
  const basis = entry.legalBasis ?? null;
  if (basis !== null && !Object.values(LegalBasis).includes(basis)) problems.add(`${at}.legalBasis`, `'${basis}' is not a legal basis`);
  validateMechanisms(entry, at, problems);
  const role = entry.recipientRole ?? null;
  if (role !== null && !Object.values(RecipientRole).includes(role)) problems.add(`${at}.recipientRole`, `'${role}' is not a recipient role`);
  (entry.safeguards ?? []).forEach((safeguard, index) => {
    if (!Object.values(Safeguard).includes(safeguard)) problems.add(`${at}.safeguards[${index}]`, `'${safeguard}' is not a safeguard`);
  });
  const annual = entry.annualSubjects ?? null;
  if (annual !== null && (!Number.isInteger(annual) || annual < 0)) problems.add(`${at}.annualSubjects`, 'must be a whole number, 0 or more');
  validateEffectiveRange(entry.effectiveFrom, entry.effectiveTo, at, problems);
  validateEvidence(entry.evidence ?? [], 'flow', at, problems);
  await validateParties(manager, entry, at, problems);
  await validateCategories(manager, entry, at, problems);
}

/** Each flow's mechanisms in order of reliance, with the evidence of each. */
export async function readMechanisms(manager: EntityManager, flowIds: string[] | null): Promise<Map<string, MechanismEntry[]>> {
  const [rows, evidence] = await inSequence([
    () => manager.query(
      `SELECT flow_id, position, mechanism, scc_module, pipl_exemption FROM flow_mechanism
       ${flowIds ? 'WHERE flow_id = ANY($1::uuid[])' : ''} ORDER BY flow_id, position`,
      flowIds ? [flowIds] : [],
    ) as Promise<{ flow_id: string; position: number; mechanism: TransferMechanism; scc_module: SccModule | null; pipl_exemption: PiplExemption | null }[]>,
    () => readMechanismEvidence(manager, flowIds)]);
  const byFlow = new Map<string, MechanismEntry[]>();
  for (const row of rows) {
    const list = byFlow.get(row.flow_id) ?? [];
    list.push({
      mechanism: row.mechanism,
      sccModule: row.scc_module,
      piplExemption: row.pipl_exemption,
      evidence: evidence.get(`${row.flow_id}/${row.position}`) ?? [],
    });
    byFlow.set(row.flow_id, list);
  }
  return byFlow;
}

async function replaceMechanisms(manager: EntityManager, flowId: string, mechanisms: MechanismEntry[]): Promise<void> {
  // Deleting an entry deletes its evidence (ON DELETE CASCADE).
  await manager.query('DELETE FROM flow_mechanism WHERE flow_id = $1', [flowId]);
  for (const [position, item] of mechanisms.entries()) {
    await manager.query('INSERT INTO flow_mechanism (flow_id, position, mechanism, scc_module, pipl_exemption) VALUES ($1, $2, $3, $4, $5)', [
      flowId, position, item.mechanism, item.sccModule ?? null, item.piplExemption ?? null,
    ]);
    await insertMechanismEvidence(manager, flowId, position, item.evidence ?? []);
  }
}

interface FlowRow {
  id: string; key: string; activity_key: string; from_key: string; to_key: string; legal_basis: LegalBasis | null;
  consent_required: boolean; necessity: string | null; recipient_role: RecipientRole | null; safeguards: Safeguard[]; continuous: boolean;
  annual_subjects: number | null; effective_from: string; effective_to: string | null; description: string | null;
}

async function readFlows(manager: EntityManager, ids?: string[]): Promise<Map<string, FlowEntry>> {
  const rows = (await manager.query(
    `SELECT f.*, a.key AS activity_key, s.key AS from_key, r.key AS to_key FROM flow f
     JOIN activity a ON a.id = f.activity_id JOIN party s ON s.id = f.from_party_id JOIN party r ON r.id = f.to_party_id
     ${ids ? 'WHERE f.id = ANY($1::uuid[])' : ''} ORDER BY f.key`,
    ids ? [ids] : [],
  )) as FlowRow[];
  const scope = ids ?? null;
  const [categories, countries, evidence, mechanisms] = await inSequence([
    () => manager.query(
      `SELECT l.flow_id, c.key FROM flow_data_category l JOIN data_category c ON c.id = l.data_category_id
       ${scope ? 'WHERE l.flow_id = ANY($1::uuid[])' : ''} ORDER BY c.key`,
      scope ? [scope] : [],
    ) as Promise<{ flow_id: string; key: string }[]>,
    () => readLinks(manager, FLOW_COUNTRY, scope),
    () => readEvidence(manager, 'flow', scope),
    () => readMechanisms(manager, scope)]);
  const categoriesByFlow = groupBy(categories, (link) => link.flow_id);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        key: row.key,
        activity: row.activity_key,
        from: row.from_key,
        to: row.to_key,
        dataCategories: (categoriesByFlow.get(row.id) ?? []).map((link) => link.key),
        legalBasis: row.legal_basis,
        consentRequired: row.consent_required,
        mechanisms: mechanisms.get(row.id) ?? [],
        necessity: row.necessity,
        recipientRole: row.recipient_role,
        safeguards: [...row.safeguards].sort(),
        countries: countries.get(row.id) ?? [],
        continuous: row.continuous,
        annualSubjects: row.annual_subjects,
        effectiveFrom: row.effective_from,
        effectiveTo: row.effective_to,
        description: row.description,
        evidence: evidence.get(row.id) ?? [],
      },
    ]),
  );
}

async function writeFlow(manager: EntityManager, entry: FlowEntry, existingId: string | null): Promise<string> {
  const [parties, activities, categories] = await inSequence([
    () => idsByKey(manager, 'party', [entry.from, entry.to]),
    () => idsByKey(manager, 'activity', [entry.activity]),
    () => idsByKey(manager, 'data_category', entry.dataCategories)]);
  const row = {
    key: entry.key,
    activityId: activities.get(entry.activity) as string,
    fromPartyId: parties.get(entry.from) as string,
    toPartyId: parties.get(entry.to) as string,
    legalBasis: entry.legalBasis ?? null,
    consentRequired: entry.consentRequired ?? false,
    necessity: entry.necessity ?? null,
    recipientRole: entry.recipientRole ?? null,
    safeguards: [...new Set(entry.safeguards ?? [])],
    continuous: entry.continuous ?? true,
    annualSubjects: entry.annualSubjects ?? null,
    effectiveFrom: entry.effectiveFrom,
    effectiveTo: entry.effectiveTo ?? null,
    description: entry.description ?? null,
  };
  const id = existingId ?? ((await manager.insert(FlowEntity, row)).identifiers[0].id as string);
  if (existingId) await manager.update(FlowEntity, existingId, row);
  await replaceLinks(manager, FLOW_CATEGORY, id, [...categories.values()]);
  await replaceLinks(manager, FLOW_COUNTRY, id, entry.countries ?? []);
  await replaceEvidence(manager, 'flow', id, entry.evidence ?? []);
  await replaceMechanisms(manager, id, mechanismEntriesOf(entry));
  return id;
}

/** Only consents point at a flow: they are the record that a person agreed to it. */
function flowReferrers(manager: EntityManager, id: string): Promise<string[]> {
  return consentReferrers(manager, 'flow_id', id);
}

export const flowKind: RegistryKind<FlowEntry> = {
  table: 'flow',
  label: 'flow',
  readEntries: readFlows,
  validate: validateFlow,
  write: writeFlow,
  referrers: flowReferrers,
};
