import type { DataSource } from 'typeorm';
import { entityLoader } from '../../common/loaders';
import { SubjectCategoryEntity } from './subject-category.entity';

export function createSubjectCategoryLoaders(dataSource: DataSource) {
  return { byId: entityLoader(dataSource, SubjectCategoryEntity) };
}
