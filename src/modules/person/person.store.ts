import type { EntityManager } from 'typeorm';
import { inSequence } from '../../common/sequence';
import { isCalendarDate } from '../../common/dates';
import { ProblemList } from '../../common/errors';
import { ConsentKind } from '../../domain/consent-kind';
import type { ConsentEntry, PersonEntry } from '../../domain/inventory-document';
import { validateCountry } from '../registry/entry-validation';
import { idsByKey } from '../registry/key-lookup';
import { personIdOf } from './person-id';

/** Most persons one call may write: a batch stays one transaction of bounded size. */
export const MAX_PERSONS_PER_BATCH = 10_000;

/** Ids of the things a batch of persons refers to, looked up once for the whole batch. */
export interface PersonReferences {
  subjectCategories: Map<string, string>;
  activities: Map<string, string>;
  flows: Map<string, string>;
}

export async function lookUpPersonReferences(manager: EntityManager, entries: PersonEntry[]): Promise<PersonReferences> {
  return lookUpReferences(
    manager,
    entries.flatMap((entry) => entry.subjectCategories),
    entries.flatMap((entry) => entry.consents ?? []),
  );
}

export async function lookUpReferences(manager: EntityManager, subjectKeys: string[], consents: ConsentEntry[]): Promise<PersonReferences> {
  const [subjectCategories, activities, flows] = await inSequence([
    () => idsByKey(manager, 'subject_category', subjectKeys),
    () => idsByKey(manager, 'activity', consents.flatMap((consent) => (consent.activity ? [consent.activity] : []))),
    () => idsByKey(manager, 'flow', consents.flatMap((consent) => (consent.flow ? [consent.flow] : []))),
  ]);
  return { subjectCategories, activities, flows };
}

function isTimestamp(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
}

export function validateConsent(consent: ConsentEntry, references: PersonReferences, at: string, problems: ProblemList): void {
  const activity = consent.activity ?? null;
  const flow = consent.flow ?? null;
  if ((activity === null) === (flow === null)) problems.add(at, 'a consent names exactly one of activity and flow');
  if (activity !== null && !references.activities.has(activity)) problems.add(`${at}.activity`, `no activity '${activity}'`);
  if (flow !== null && !references.flows.has(flow)) problems.add(`${at}.flow`, `no flow '${flow}'`);
  if (!Object.values(ConsentKind).includes(consent.kind)) problems.add(`${at}.kind`, `'${consent.kind}' is not a consent kind`);
  if (!isTimestamp(consent.givenAt)) problems.add(`${at}.givenAt`, `'${consent.givenAt}' is not an ISO 8601 timestamp`);
  const withdrawnAt = consent.withdrawnAt ?? null;
  if (withdrawnAt !== null) {
    if (!isTimestamp(withdrawnAt)) problems.add(`${at}.withdrawnAt`, `'${withdrawnAt}' is not an ISO 8601 timestamp`);
    else if (Date.parse(withdrawnAt) < Date.parse(consent.givenAt)) problems.add(`${at}.withdrawnAt`, 'is before givenAt');
  }
}

export function validatePersons(entries: PersonEntry[], references: PersonReferences, at: string): ProblemList {
  const problems = new ProblemList();
  if (entries.length > MAX_PERSONS_PER_BATCH) problems.add(at, `at most ${MAX_PERSONS_PER_BATCH} persons per call, got ${entries.length}`);
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const field = `${at}[${index}]`;
    if (entry.externalId.length === 0 || entry.externalId.length > 200) problems.add(`${field}.externalId`, 'must be 1 to 200 characters');
    if (seen.has(entry.externalId)) problems.add(`${field}.externalId`, `'${entry.externalId}' appears twice in this batch`);
    seen.add(entry.externalId);
    validateCountry(entry.countryOfResidence, `${field}.countryOfResidence`, problems);
    const birth = entry.dateOfBirth ?? null;
    if (birth !== null && !isCalendarDate(birth)) problems.add(`${field}.dateOfBirth`, `'${birth}' is not a date (YYYY-MM-DD)`);
    entry.subjectCategories.forEach((key, position) => {
      if (!references.subjectCategories.has(key)) problems.add(`${field}.subjectCategories[${position}]`, `no subject category '${key}'`);
    });
    (entry.consents ?? []).forEach((consent, position) => validateConsent(consent, references, `${field}.consents[${position}]`, problems));
  });
  return problems;
}

export interface PersonWriteCounts {
  inserted: number;
  updated: number;
  consents: number;
}

/**
 * Tells every API instance that the persons it may have counted changed (see readPersonFacts).
 * Call it last in the transaction: the row stays locked until commit.
 */
export async function notePersonsChanged(manager: Pick<EntityManager, 'query'>): Promise<void> {
  await manager.query('UPDATE person_revision SET revision = revision + 1, changed_at = now()');
}

/**
 * Inserts or replaces persons in a few set-based statements, whatever the batch size. A person's
 * subject categories are replaced; their consents are replaced when the entry lists consents.
 */
export async function writePersons(manager: EntityManager, entries: PersonEntry[], references: PersonReferences): Promise<PersonWriteCounts> {
  if (entries.length === 0) return { inserted: 0, updated: 0, consents: 0 };
  const ids = entries.map((entry) => personIdOf(entry.externalId));
  const written = (await manager.query(
    `INSERT INTO person (id, external_id, country_of_residence, date_of_birth)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::char(2)[], $4::date[])
     ON CONFLICT (id) DO UPDATE SET country_of_residence = EXCLUDED.country_of_residence,
       date_of_birth = EXCLUDED.date_of_birth, version = person.version + 1, updated_at = now()
     RETURNING id, (xmax = 0) AS inserted`,
    [ids, entries.map((entry) => entry.externalId), entries.map((entry) => entry.countryOfResidence), entries.map((entry) => entry.dateOfBirth ?? null)],
  )) as { id: string; inserted: boolean }[];
  const inserted = written.filter((row) => row.inserted).length;
  // Only persons that were already there have links and consents to replace.
  const replaced = new Set(written.filter((row) => !row.inserted).map((row) => row.id));

  await manager.query('DELETE FROM person_subject_category WHERE person_id = ANY($1::uuid[])', [[...replaced]]);
  const subjectPairs = entries.flatMap((entry, index) =>
    [...new Set(entry.subjectCategories)].map((key) => [ids[index], references.subjectCategories.get(key) as string]),
  );
  await manager.query('INSERT INTO person_subject_category (person_id, subject_category_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])', [
    subjectPairs.map(([personId]) => personId),
    subjectPairs.map(([, subjectId]) => subjectId),
  ]);

  const withConsents = entries.map((entry, index) => ({ entry, id: ids[index] })).filter(({ entry }) => entry.consents !== undefined);
  await manager.query('DELETE FROM consent WHERE person_id = ANY($1::uuid[])', [withConsents.filter(({ id }) => replaced.has(id)).map(({ id }) => id)]);
  const consents = withConsents.flatMap(({ entry, id }) => (entry.consents ?? []).map((consent) => ({ personId: id, consent })));
  await manager.query(
    `INSERT INTO consent (person_id, activity_id, flow_id, kind, given_by_guardian, given_at, withdrawn_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::boolean[], $6::timestamptz[], $7::timestamptz[])`,
    [
      consents.map(({ personId }) => personId),
      consents.map(({ consent }) => (consent.activity ? references.activities.get(consent.activity) : null)),
      consents.map(({ consent }) => (consent.flow ? references.flows.get(consent.flow) : null)),
      consents.map(({ consent }) => consent.kind),
      consents.map(({ consent }) => consent.givenByGuardian ?? false),
      consents.map(({ consent }) => consent.givenAt),
      consents.map(({ consent }) => consent.withdrawnAt ?? null),
    ],
  );
  return { inserted, updated: entries.length - inserted, consents: consents.length };
}

/** Every person as an inventory entry, consents by key, ordered by external id. */
export async function readPersonEntries(manager: EntityManager): Promise<PersonEntry[]> {
  const rows = (await manager.query(
    `SELECT p.external_id, p.country_of_residence, p.date_of_birth,
       ARRAY(SELECT s.key FROM person_subject_category l JOIN subject_category s ON s.id = l.subject_category_id
             WHERE l.person_id = p.id ORDER BY s.key) AS subject_categories,
       COALESCE((SELECT json_agg(json_build_object('activity', a.key, 'flow', f.key, 'kind', c.kind,
           'givenByGuardian', c.given_by_guardian, 'givenAt', c.given_at, 'withdrawnAt', c.withdrawn_at) ORDER BY c.given_at, c.id)
         FROM consent c LEFT JOIN activity a ON a.id = c.activity_id LEFT JOIN flow f ON f.id = c.flow_id
         WHERE c.person_id = p.id), '[]') AS consents
     FROM person p ORDER BY p.external_id`,
  )) as {
    external_id: string; country_of_residence: string; date_of_birth: string | null; subject_categories: string[];
    consents: (Omit<ConsentEntry, 'givenAt' | 'withdrawnAt'> & { givenAt: string; withdrawnAt: string | null })[];
  }[];
  return rows.map((row) => ({
    externalId: row.external_id,
    countryOfResidence: row.country_of_residence,
    subjectCategories: row.subject_categories,
    dateOfBirth: row.date_of_birth,
    consents: row.consents.map((consent) => ({
      ...consent,
      givenAt: new Date(consent.givenAt).toISOString(),
      withdrawnAt: consent.withdrawnAt ? new Date(consent.withdrawnAt).toISOString() : null,
    })),
  }));
}
