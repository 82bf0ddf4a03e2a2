import type { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, FlowmapError, notFound, ProblemList } from '../../common/errors';
import { paginate, type Page, type PageArgs } from '../../common/pagination';
import { recordChanges } from '../audit/audit-log';
import { ConsentEntity } from '../consent/consent.entity';
import type { ConsentKind } from '../../domain/consent-kind';
import type { ConsentRecord } from '../../engine/core/inventory-snapshot';
import type { ConsentEntry, PersonEntry } from '../../domain/inventory-document';
import { PersonEntity } from './person.entity';
import { personIdOf } from './person-id';
import { lookUpPersonReferences, lookUpReferences, notePersonsChanged, validateConsent, validatePersons, writePersons, type PersonWriteCounts } from './person.store';

/*
 * Audit entries about persons name them by external id only: the audit log cannot be erased, so
 * it must not keep what an erasure request removes (GDPR Art. 17).
 */

export async function upsertPersons(dataSource: DataSource, actor: string, entries: PersonEntry[], at = 'persons'): Promise<PersonWriteCounts> {
  return dataSource.transaction((manager) => upsertPersonsIn(manager, actor, entries, at));
}

/** The same inside a caller's transaction (the inventory import writes persons with the rest). */
export async function upsertPersonsIn(manager: EntityManager, actor: string, entries: PersonEntry[], at: string): Promise<PersonWriteCounts> {
  const references = await lookUpPersonReferences(manager, entries);
  validatePersons(entries, references, at).throwIfAny();
  const counts = await writePersons(manager, entries, references);
  await recordChanges(manager, actor, [
    {
      operation: 'upsert',
      entityType: 'person',
      entityKey: entries.length === 1 ? entries[0].externalId : `${entries.length} persons`,
      before: null,
      after: { externalIds: entries.map((entry) => entry.externalId), ...counts },
    },
  ]);
  await notePersonsChanged(manager);
  return counts;
}

export async function erasePerson(dataSource: DataSource, actor: string, externalId: string): Promise<{ personsDeleted: number; consentsDeleted: number }> {
  return dataSource.transaction(async (manager) => {
    const id = personIdOf(externalId);
    const [consents] = (await manager.query('SELECT count(*)::int AS n FROM consent WHERE person_id = $1', [id])) as { n: number }[];
    const deleted = (await manager.query('DELETE FROM person WHERE id = $1 RETURNING id', [id])) as unknown[];
    if (deleted.length === 0) throw notFound('person', 'externalId', externalId);
    const result = { personsDeleted: 1, consentsDeleted: consents.n };
    await recordChanges(manager, actor, [{ operation: 'erase', entityType: 'person', entityKey: externalId, before: null, after: result }]);
    await notePersonsChanged(manager);
    return result;
  });
}

export function listPersons(dataSource: DataSource, filter: { country?: string; subjectCategory?: string }, page: PageArgs): Promise<Page<PersonEntity>> {
  const query = dataSource.getRepository(PersonEntity).createQueryBuilder('person');
  if (filter.country) query.andWhere('person.country_of_residence = :country', { country: filter.country });
  if (filter.subjectCategory) {
    query.andWhere(
      `EXISTS (SELECT 1 FROM person_subject_category l JOIN subject_category s ON s.id = l.subject_category_id
               WHERE l.person_id = person.id AND s.key = :subjectKey)`,
      { subjectKey: filter.subjectCategory },
    );
  }
  return paginate(query, 'person.external_id', (person) => person.externalId, page);
}

export interface GiveConsentRequest extends ConsentEntry {
  externalId: string;
}

export async function giveConsent(dataSource: DataSource, actor: string, request: GiveConsentRequest): Promise<ConsentEntity> {
  return dataSource.transaction(async (manager) => {
    const personId = personIdOf(request.externalId);
    const exists = (await manager.query('SELECT 1 FROM person WHERE id = $1', [personId])) as unknown[];
    if (exists.length === 0) throw notFound('person', 'input.externalId', request.externalId);
    const references = await lookUpReferences(manager, [], [request]);
    const problems = new ProblemList();
    validateConsent(request, references, 'input', problems);
    problems.throwIfAny();
    const [row] = (await manager.query(
      `INSERT INTO consent (person_id, activity_id, flow_id, kind, given_by_guardian, given_at, withdrawn_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        personId,
        request.activity ? references.activities.get(request.activity) : null,
        request.flow ? references.flows.get(request.flow) : null,
        request.kind,
        request.givenByGuardian ?? false,
        request.givenAt,
        request.withdrawnAt ?? null,
      ],
    )) as { id: string }[];
    const { externalId, ...consent } = request;
    await recordChanges(manager, actor, [{ operation: 'giveConsent', entityType: 'consent', entityKey: row.id, before: null, after: { externalId, ...consent } }]);
    return manager.getRepository(ConsentEntity).findOneByOrFail({ personId, id: row.id });
  });
}

/** Withdrawing is a new fact about the consent: the record stays, with the time it ended. */
export async function withdrawConsent(dataSource: DataSource, actor: string, consentId: string, withdrawnAt: string): Promise<ConsentEntity> {
  return dataSource.transaction(async (manager) => {
    const consent = await manager.getRepository(ConsentEntity).findOne({ where: { id: consentId }, lock: { mode: 'pessimistic_write' } });
    if (!consent) throw notFound('consent', 'consentId', consentId);
    if (consent.withdrawnAt !== null) {
      throw new FlowmapError(ErrorCode.BAD_USER_INPUT, `consentId: consent '${consentId}' was already withdrawn at ${consent.withdrawnAt.toISOString()}`, {
        field: 'consentId',
      });
    }
    if (Date.parse(withdrawnAt) < consent.givenAt.getTime()) {
      throw new FlowmapError(ErrorCode.BAD_USER_INPUT, 'withdrawnAt: is before the consent was given', { field: 'withdrawnAt' });
    }
    await manager.query('UPDATE consent SET withdrawn_at = $1 WHERE person_id = $2 AND id = $3', [withdrawnAt, consent.personId, consent.id]);
    await recordChanges(manager, actor, [{ operation: 'withdrawConsent', entityType: 'consent', entityKey: consent.id, before: null, after: { withdrawnAt } }]);
    return { ...consent, withdrawnAt: new Date(withdrawnAt) };
  });
}

export interface StoredProfile {
  person: Pick<PersonEntity, 'id' | 'externalId' | 'countryOfResidence' | 'dateOfBirth' | 'version' | 'createdAt' | 'updatedAt'>;
  subjectCategoryIds: string[];
  consents: ConsentRecord[];
}

/** A stored profile with the inventory revision current when it was read. */
export interface StoredProfileAtRevision extends StoredProfile {
  inventoryRevision: bigint;
}

const PROFILE_COLUMNS = `p.id, p.external_id, p.country_of_residence, p.date_of_birth, p.version, p.created_at, p.updated_at,
  ARRAY(SELECT subject_category_id FROM person_subject_category WHERE person_id = p.id) AS subject_category_ids,
  COALESCE((SELECT json_agg(json_build_object('activityId', c.activity_id, 'flowId', c.flow_id, 'kind', c.kind,
    'givenByGuardian', c.given_by_guardian, 'givenAt', c.given_at, 'withdrawnAt', c.withdrawn_at))
    FROM consent c WHERE c.person_id = p.id), '[]') AS consents`;

interface ProfileRow {
  id: string;
  external_id: string;
  country_of_residence: string;
  date_of_birth: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  subject_category_ids: string[];
  consents: { activityId: string | null; flowId: string | null; kind: ConsentKind; givenByGuardian: boolean; givenAt: string; withdrawnAt: string | null }[];
}

function toStoredProfile(row: ProfileRow): StoredProfile {
  return {
    person: {
      id: row.id,
      externalId: row.external_id,
      countryOfResidence: row.country_of_residence,
      dateOfBirth: row.date_of_birth,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    },
    subjectCategoryIds: row.subject_category_ids,
    consents: row.consents.map((consent) => ({
      ...consent,
      givenAt: new Date(consent.givenAt).toISOString(),
      withdrawnAt: consent.withdrawnAt ? new Date(consent.withdrawnAt).toISOString() : null,
    })),
  };
}

/**
 * Persons by external id with their subject categories and consents, and the inventory revision,
 * in one statement per batch: the whole of what a person's answer reads from the database.
 */
export async function readStoredProfiles(dataSource: DataSource, externalIds: readonly string[]): Promise<(StoredProfileAtRevision | null)[]> {
  const rows = (await dataSource.query(
    `SELECT r.revision::text AS inventory_revision, ${PROFILE_COLUMNS} FROM inventory_revision r CROSS JOIN person p WHERE p.id = ANY($1::uuid[])`,
    [externalIds.map(personIdOf)],
  )) as (ProfileRow & { inventory_revision: string })[];
  const byExternalId = new Map(rows.map((row) => [row.external_id, { ...toStoredProfile(row), inventoryRevision: BigInt(row.inventory_revision) }]));
  return externalIds.map((externalId) => byExternalId.get(externalId) ?? null);
}

/** The next `limit` persons after `afterExternalId` (by external id) in any of these subject categories. */
export async function readStoredProfilesInCategories(
  dataSource: DataSource,
  subjectCategoryIds: string[],
  afterExternalId: string,
  limit: number,
): Promise<StoredProfile[]> {
  const rows = (await dataSource.query(
    `SELECT ${PROFILE_COLUMNS} FROM person p
     WHERE p.external_id > $1 AND EXISTS (SELECT 1 FROM person_subject_category l WHERE l.person_id = p.id AND l.subject_category_id = ANY($2::uuid[]))
     ORDER BY p.external_id LIMIT $3`,
    [afterExternalId, subjectCategoryIds, limit],
  )) as ProfileRow[];
  return rows.map(toStoredProfile);
}

/**
 * Every person born after `bornAfter` ('YYYY-MM-DD'), with subject categories and consents: the
 * minors the person rules of the whole map look at, far fewer than the persons.
 */
export async function readProfilesBornAfter(reader: DataSource | EntityManager, bornAfter: string): Promise<StoredProfile[]> {
  const rows = (await reader.query(`SELECT ${PROFILE_COLUMNS} FROM person p WHERE p.date_of_birth > $1::date ORDER BY p.external_id`, [bornAfter])) as ProfileRow[];
  return rows.map(toStoredProfile);
}
