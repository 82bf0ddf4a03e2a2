import type { EntityManager } from 'typeorm';
import type { SubjectCategoryEntry } from '../../domain/inventory-document';
import { validateKey, validateName } from '../registry/entry-validation';
import type { RegistryKind, ValidationContext } from '../registry/registry-kind';
import { SubjectCategoryEntity } from './subject-category.entity';

async function validateSubjectCategory(_manager: EntityManager, entry: SubjectCategoryEntry, { problems, at }: ValidationContext): Promise<void> {
  validateKey(entry.key, `${at}.key`, problems);
  validateName(entry.name, `${at}.name`, problems);
}

async function readSubjectCategories(manager: EntityManager, ids?: string[]): Promise<Map<string, SubjectCategoryEntry>> {
  const query = manager.getRepository(SubjectCategoryEntity).createQueryBuilder('subject');
  if (ids) query.where('subject.id IN (:...ids)', { ids: ids.length > 0 ? ids : [null] });
  const rows = await query.orderBy('subject.key').getMany();
  return new Map(rows.map((row) => [row.id, { key: row.key, name: row.name, description: row.description }]));
}

async function writeSubjectCategory(manager: EntityManager, entry: SubjectCategoryEntry, existingId: string | null): Promise<string> {
  const row = { key: entry.key, name: entry.name, description: entry.description ?? null };
  if (existingId) {
    await manager.update(SubjectCategoryEntity, existingId, row);
    return existingId;
  }
  return (await manager.insert(SubjectCategoryEntity, row)).identifiers[0].id as string;
}

async function subjectCategoryReferrers(manager: EntityManager, id: string): Promise<string[]> {
  const rows = (await manager.query(
    `SELECT a.key FROM activity_subject_category l JOIN activity a ON a.id = l.activity_id
     WHERE l.subject_category_id = $1 ORDER BY 1 LIMIT 20`,
    [id],
  )) as { key: string }[];
  const [persons] = (await manager.query('SELECT count(*)::int AS n FROM person_subject_category WHERE subject_category_id = $1', [id])) as { n: number }[];
  return [...rows.map((row) => `activity '${row.key}'`), ...(persons.n > 0 ? [`${persons.n} person(s)`] : [])];
}

export const subjectCategoryKind: RegistryKind<SubjectCategoryEntry> = {
  table: 'subject_category',
  label: 'subject category',
  readEntries: readSubjectCategories,
  validate: validateSubjectCategory,
  write: writeSubjectCategory,
  referrers: subjectCategoryReferrers,
};
