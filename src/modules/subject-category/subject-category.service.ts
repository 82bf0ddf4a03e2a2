import type { DataSource } from 'typeorm';
import { paginate, type Page, type PageArgs } from '../../common/pagination';
import { registryWrites } from '../registry/registry-service';
import { SubjectCategoryEntity } from './subject-category.entity';
import { subjectCategoryKind } from './subject-category.store';

export function listSubjectCategories(dataSource: DataSource, page: PageArgs): Promise<Page<SubjectCategoryEntity>> {
  return paginate(dataSource.getRepository(SubjectCategoryEntity).createQueryBuilder('subject'), 'subject.key', (subject) => subject.key, page);
}

export const subjectCategoryWrites = registryWrites(subjectCategoryKind, SubjectCategoryEntity);
