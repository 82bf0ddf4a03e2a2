import type { DataSource, EntityManager } from 'typeorm';
import { inSequence } from '../../common/sequence';
import type { SnapshotIndex } from '../../engine/core/snapshot-index';
import { sortedUnique } from '../../engine/core/sorted-unique';
import type { SubjectCategoryGroup } from '../../engine/core/export-volumes';

/** What the stored persons tell the inventory-wide questions. */
export interface PersonFacts {
  /**
   * The persons grouped by their set of subject categories: the engine counts from them the
   * distinct persons each PIPL handler's exports concern (consents may narrow it; the count bounds it).
   */
  personGroups: SubjectCategoryGroup[];
  /** Per activity, the countries its stored subjects live in. */
  residencesByActivity: Map<string, string[]>;
}

/** A country some persons of a subject category live in. */
export interface SubjectCategoryResidence {
  subjectCategoryId: string;
  country: string;
}

/** The groups as read, and per activity the countries its stored subjects live in. */
export function personFactsOf(index: SnapshotIndex, groups: readonly SubjectCategoryGroup[], residences: readonly SubjectCategoryResidence[]): PersonFacts {
  const countriesBySubjectCategory = new Map<string, string[]>();
  for (const { subjectCategoryId, country } of residences) {
    const countries = countriesBySubjectCategory.get(subjectCategoryId);
    if (countries) countries.push(country);
    else countriesBySubjectCategory.set(subjectCategoryId, [country]);
  }
  const residencesByActivity = new Map<string, string[]>();
  for (const activity of index.activities) {
    const countries = activity.subjectCategoryIds.flatMap((id) => countriesBySubjectCategory.get(id) ?? []);
    if (countries.length > 0) residencesByActivity.set(activity.id, sortedUnique(countries));
  }
  return { personGroups: [...groups], residencesByActivity };
}

const GROUPS_SQL = `SELECT subject_category_ids, count(*)::int AS persons
  FROM (SELECT array_agg(subject_category_id ORDER BY subject_category_id) AS subject_category_ids FROM person_subject_category GROUP BY person_id) AS person_sets
  GROUP BY subject_category_ids`;

const RESIDENCES_SQL = `SELECT DISTINCT l.subject_category_id, p.country_of_residence
  FROM person_subject_category l JOIN person p ON p.id = l.person_id`;

/**
 * Reads the persons' facts in two aggregates whose size follows the variety of persons, not their
 * number: on a data source both run at once; in a transaction, one after the other.
 */
export async function readPersonFacts(reader: DataSource | EntityManager, index: SnapshotIndex): Promise<PersonFacts> {
  const tasks = [() => reader.query(GROUPS_SQL), () => reader.query(RESIDENCES_SQL)] as const;
  const isTransaction = 'queryRunner' in reader && reader.queryRunner !== undefined;
  const [groups, residences] = (isTransaction ? await inSequence(tasks) : await Promise.all(tasks.map((task) => task()))) as [
    { subject_category_ids: string[]; persons: number }[],
    { subject_category_id: string; country_of_residence: string }[],
  ];
  return personFactsOf(
    index,
    groups.map((row) => ({ subjectCategoryIds: row.subject_category_ids, persons: row.persons })),
    residences.map((row) => ({ subjectCategoryId: row.subject_category_id, country: row.country_of_residence })),
  );
}

/** Per database (see engineView): the facts of one person revision over one engine view. */
const factsCaches = new WeakMap<DataSource['driver'], { revision: string; index: SnapshotIndex; facts: Promise<PersonFacts> }>();

/**
 * readPersonFacts, kept until the persons or the data map change: one cheap query for the person
 * revision instead of two aggregates over every person. The revision is read first, so facts read
 * after a later commit are at worst kept under the older revision and read again next time.
 */
export async function cachedPersonFacts(dataSource: DataSource, index: SnapshotIndex): Promise<PersonFacts> {
  const [{ revision }] = (await dataSource.query('SELECT revision::text AS revision FROM person_revision')) as { revision: string }[];
  const cached = factsCaches.get(dataSource.driver);
  if (cached && cached.revision === revision && cached.index === index) return cached.facts;
  const facts = readPersonFacts(dataSource, index);
  const entry = { revision, index, facts };
  factsCaches.set(dataSource.driver, entry);
  facts.catch(() => {
    if (factsCaches.get(dataSource.driver) === entry) factsCaches.delete(dataSource.driver);
  });
  return facts;
}

/** The facts of a question that leaves the stored persons out: nothing about them. */
export const NO_PERSON_FACTS: PersonFacts = { personGroups: [], residencesByActivity: new Map() };

/**
 * The person facts a whole-map question about transfers is judged with. Where the stored persons
 * live decides which regimes reach a hop (GDPR Art. 3(2) for a German resident's data in China), so
 * for a caller who may not read persons the transfers are those of the map alone: which transfers
 * appear must not tell where stored persons live.
 */
export async function transferFacts(dataSource: DataSource, index: SnapshotIndex, includePersons: boolean): Promise<PersonFacts> {
  return includePersons ? cachedPersonFacts(dataSource, index) : NO_PERSON_FACTS;
}
