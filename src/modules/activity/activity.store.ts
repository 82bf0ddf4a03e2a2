import type { EntityManager } from 'typeorm';
import { inSequence } from '../../common/sequence';
import { groupBy } from '../../common/collections';
import { categoryLineages } from '../data-category/data-category.store';
import { readEvidence, replaceEvidence, validateEvidence } from '../evidence/evidence.store';
import type { ActivityEntry } from '../../domain/inventory-document';
import { PartyKind } from '../../domain/party-kind';
import { validateCountry, validateEffectiveRange, validateKey, validateName, validateReferences } from '../registry/entry-validation';
import { idsByKey } from '../registry/key-lookup';
import { consentReferrers } from '../registry/consent-referrers';
import { replaceLinks } from '../registry/links';
import type { RegistryKind, ValidationContext } from '../registry/registry-kind';
import { ActivityDataCategoryEntity, ActivityEntity } from './activity.entity';
import { LegalBasis } from '../../domain/legal-basis';
import { AutomatedDecisions } from './automated-decisions';

const ACTIVITY_SUBJECT = { table: 'activity_subject_category', ownerColumn: 'activity_id', valueColumn: 'subject_category_id', valueType: 'uuid' } as const;

/** Parties that decide on purposes and means, and so can run an activity. */
const CONTROLLING_KINDS: readonly PartyKind[] = [PartyKind.CONTROLLER, PartyKind.AFFILIATE, PartyKind.JOINT_CONTROLLER];

/** ISO 8601 duration in whole years, months, weeks and days ('P6M', 'P3Y', 'P30D'). */
export const RETENTION_PERIOD_PATTERN = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/;

async function validateActivity(manager: EntityManager, entry: ActivityEntry, { problems, at, existingId, deferCrossChecks }: ValidationContext): Promise<void> {
  validateKey(entry.key, `${at}.key`, problems);
  validateName(entry.name, `${at}.name`, problems);
  if (entry.purpose.trim().length === 0) problems.add(`${at}.purpose`, 'must not be empty: GDPR Art. 30(1)(b) needs the purpose');
  if (!Object.values(LegalBasis).includes(entry.legalBasis)) problems.add(`${at}.legalBasis`, `'${entry.legalBasis}' is not a legal basis`);
  const period = entry.retention?.period ?? null;
  if (period !== null && !RETENTION_PERIOD_PATTERN.test(period)) {
    problems.add(`${at}.retention.period`, `'${period}' is not an ISO 8601 duration such as P30D or P3Y`);
  }
  validateCountry(entry.localisedIn, `${at}.localisedIn`, problems);
  if (entry.localisedUnlessConsented && !entry.localisedIn) problems.add(`${at}.localisedUnlessConsented`, 'needs localisedIn: an exception to no promise');
  if (entry.automatedDecisions !== undefined && !Object.values(AutomatedDecisions).includes(entry.automatedDecisions)) {
    problems.add(`${at}.automatedDecisions`, `'${entry.automatedDecisions}' is not one of ${Object.values(AutomatedDecisions).join(', ')}`);
  }
  validateAge(entry.minimumAge, `${at}.minimumAge`, problems);
  validateAge(entry.guardianConsentUnder, `${at}.guardianConsentUnder`, problems);
  if (isAge(entry.minimumAge) && isAge(entry.guardianConsentUnder) && entry.guardianConsentUnder <= entry.minimumAge) {
    problems.add(`${at}.guardianConsentUnder`, `${entry.guardianConsentUnder} must be above minimumAge (${entry.minimumAge}): nobody younger is served`);
  }
  validateEffectiveRange(entry.effectiveFrom, entry.effectiveTo, at, problems);
  validateEvidence(entry.evidence ?? [], 'activity', at, problems);

  const [controller] = (await manager.query('SELECT kind FROM party WHERE key = $1', [entry.controller])) as { kind: PartyKind }[];
  if (!controller) problems.add(`${at}.controller`, `no party '${entry.controller}'`);
  else if (!CONTROLLING_KINDS.includes(controller.kind)) {
    problems.add(`${at}.controller`, `'${entry.controller}' is a ${controller.kind}; an activity's controller is a CONTROLLER, AFFILIATE or JOINT_CONTROLLER`);
  }
  const subjects = await idsByKey(manager, 'subject_category', entry.subjectCategories);
  validateReferences(entry.subjectCategories, subjects, 'subject category', `${at}.subjectCategories`, problems);
  const categoryKeys = entry.dataCategories.map((item) => item.category);
  const categories = await idsByKey(manager, 'data_category', categoryKeys);
  validateReferences(categoryKeys, categories, 'data category', `${at}.dataCategories`, problems);
  categoryKeys.forEach((key, index) => {
    if (categoryKeys.indexOf(key) !== index) problems.add(`${at}.dataCategories[${index}].category`, `'${key}' is listed twice`);
  });
  if (existingId !== null && !deferCrossChecks) {
    for (const message of await flowsNotCovered(manager, [existingId], [...categories.values()])) problems.add(`${at}.dataCategories`, message);
  }
}

/** The oldest age limit taken: a larger number is a typing error, not a policy. */
export const MAX_AGE_LIMIT = 120;

function isAge(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_AGE_LIMIT;
}

function validateAge(value: number | null | undefined, field: string, problems: ValidationContext['problems']): void {
  if (value === null || value === undefined || isAge(value)) return;
  problems.add(field, `${value} is not an age in whole years from 1 to ${MAX_AGE_LIMIT}`);
}

/**
 * Flows of these activities carrying a category their activity does not cover (the category itself
 * or one above it), as messages. With `categoryIds`, coverage is judged against those categories
 * (an activity about to change) instead of the stored ones.
 */
export async function flowsNotCovered(manager: EntityManager, activityIds: string[], categoryIds?: string[]): Promise<string[]> {
  const carried = (await manager.query(
    `SELECT f.key AS flow_key, a.key AS activity_key, f.activity_id, c.id AS category_id, c.key AS category_key FROM flow f
     JOIN activity a ON a.id = f.activity_id
     JOIN flow_data_category l ON l.flow_id = f.id JOIN data_category c ON c.id = l.data_category_id
     WHERE f.activity_id = ANY($1::uuid[]) ORDER BY f.key, c.key`,
    [activityIds],
  )) as { flow_key: string; activity_key: string; activity_id: string; category_id: string; category_key: string }[];
  const stored = categoryIds
    ? null
    : groupBy(
        (await manager.query('SELECT activity_id, data_category_id FROM activity_data_category WHERE activity_id = ANY($1::uuid[])', [activityIds])) as {
          activity_id: string;
          data_category_id: string;
        }[],
        (row) => row.activity_id,
      );
  const lineages = await categoryLineages(manager, carried.map((row) => row.category_id));
  return carried
    .filter((row) => {
      const covered = new Set(categoryIds ?? (stored?.get(row.activity_id) ?? []).map((link) => link.data_category_id));
      return ![...(lineages.get(row.category_id) ?? [])].some((id) => covered.has(id));
    })
    .map((row) => `flow '${row.flow_key}' carries '${row.category_key}', which activity '${row.activity_key}' does not cover`);
}

async function readActivities(manager: EntityManager, ids?: string[]): Promise<Map<string, ActivityEntry>> {
  const rows = (await manager.query(
    `SELECT a.*, p.key AS controller_key FROM activity a JOIN party p ON p.id = a.controller_id
     ${ids ? 'WHERE a.id = ANY($1::uuid[])' : ''} ORDER BY a.key`,
    ids ? [ids] : [],
  )) as {
    id: string; key: string; name: string; purpose: string; controller_key: string; legal_basis: LegalBasis;
    retention_period: string | null; retention_event: string | null; security_measures: string[];
    localised_in: string | null; localised_unless_consented: boolean; targets_residents: boolean;
    minimum_age: number | null; guardian_consent_under: number | null; personalised_advertising: boolean; advertising_opt_out: boolean;
    automated_decisions: AutomatedDecisions; human_review: boolean; effective_from: string; effective_to: string | null; description: string | null;
  }[];
  const scope = ids ?? null;
  const [subjects, categories, evidence] = await inSequence([
    () => manager.query(
      `SELECT l.activity_id, s.key FROM activity_subject_category l JOIN subject_category s ON s.id = l.subject_category_id
       ${scope ? 'WHERE l.activity_id = ANY($1::uuid[])' : ''} ORDER BY s.key`,
      scope ? [scope] : [],
    ) as Promise<{ activity_id: string; key: string }[]>,
    () => manager.query(
      `SELECT l.activity_id, c.key, l.required FROM activity_data_category l JOIN data_category c ON c.id = l.data_category_id
       ${scope ? 'WHERE l.activity_id = ANY($1::uuid[])' : ''} ORDER BY c.key`,
      scope ? [scope] : [],
    ) as Promise<{ activity_id: string; key: string; required: boolean }[]>,
    () => readEvidence(manager, 'activity', scope)]);
  const subjectsByActivity = groupBy(subjects, (link) => link.activity_id);
  const categoriesByActivity = groupBy(categories, (link) => link.activity_id);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        key: row.key,
        name: row.name,
        purpose: row.purpose,
        controller: row.controller_key,
        legalBasis: row.legal_basis,
        subjectCategories: (subjectsByActivity.get(row.id) ?? []).map((link) => link.key),
        dataCategories: (categoriesByActivity.get(row.id) ?? []).map((link) => ({ category: link.key, required: link.required })),
        retention: { period: row.retention_period, event: row.retention_event },
        securityMeasures: row.security_measures,
        localisedIn: row.localised_in,
        localisedUnlessConsented: row.localised_unless_consented,
        targetsResidents: row.targets_residents,
        minimumAge: row.minimum_age,
        guardianConsentUnder: row.guardian_consent_under,
        personalisedAdvertising: row.personalised_advertising,
        advertisingOptOut: row.advertising_opt_out,
        automatedDecisions: row.automated_decisions,
        humanReview: row.human_review,
        effectiveFrom: row.effective_from,
        effectiveTo: row.effective_to,
        description: row.description,
        evidence: evidence.get(row.id) ?? [],
      },
    ]),
  );
}

async function writeActivity(manager: EntityManager, entry: ActivityEntry, existingId: string | null): Promise<string> {
  const controllerId = (await idsByKey(manager, 'party', [entry.controller])).get(entry.controller) as string;
  const row = {
    key: entry.key,
    name: entry.name,
    purpose: entry.purpose,
    controllerId,
    legalBasis: entry.legalBasis,
    retentionPeriod: entry.retention?.period ?? null,
    retentionEvent: entry.retention?.event ?? null,
    securityMeasures: entry.securityMeasures ?? [],
    localisedIn: entry.localisedIn ?? null,
    localisedUnlessConsented: entry.localisedUnlessConsented ?? false,
    targetsResidents: entry.targetsResidents ?? true,
    minimumAge: entry.minimumAge ?? null,
    guardianConsentUnder: entry.guardianConsentUnder ?? null,
    personalisedAdvertising: entry.personalisedAdvertising ?? false,
    advertisingOptOut: entry.advertisingOptOut ?? false,
    automatedDecisions: entry.automatedDecisions ?? AutomatedDecisions.NONE,
    humanReview: entry.humanReview ?? false,
    effectiveFrom: entry.effectiveFrom,
    effectiveTo: entry.effectiveTo ?? null,
    description: entry.description ?? null,
  };
  const id = existingId ?? ((await manager.insert(ActivityEntity, row)).identifiers[0].id as string);
  if (existingId) await manager.update(ActivityEntity, existingId, row);
  const subjects = await idsByKey(manager, 'subject_category', entry.subjectCategories);
  await replaceLinks(manager, ACTIVITY_SUBJECT, id, [...subjects.values()]);
  const categories = await idsByKey(manager, 'data_category', entry.dataCategories.map((item) => item.category));
  await manager.delete(ActivityDataCategoryEntity, { activityId: id });
  if (entry.dataCategories.length > 0) {
    await manager.insert(
      ActivityDataCategoryEntity,
      entry.dataCategories.map((item) => ({ activityId: id, dataCategoryId: categories.get(item.category) as string, required: item.required })),
    );
  }
  await replaceEvidence(manager, 'activity', id, entry.evidence ?? []);
  return id;
}

async function activityReferrers(manager: EntityManager, id: string): Promise<string[]> {
  const rows = (await manager.query('SELECT key FROM flow WHERE activity_id = $1 ORDER BY key LIMIT 20', [id])) as { key: string }[];
  return [...rows.map((row) => `flow '${row.key}'`), ...(await consentReferrers(manager, 'activity_id', id))];
}

export const activityKind: RegistryKind<ActivityEntry> = {
  table: 'activity',
  label: 'activity',
  readEntries: readActivities,
  validate: validateActivity,
  write: writeActivity,
  referrers: activityReferrers,
};
