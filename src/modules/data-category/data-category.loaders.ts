import type { DataSource } from 'typeorm';
import { entitiesByLoader, entityLoader } from '../../common/loaders';
import { DataCategoryEntity } from './data-category.entity';

export function createDataCategoryLoaders(dataSource: DataSource) {
  return {
    byId: entityLoader(dataSource, DataCategoryEntity),
    children: entitiesByLoader(dataSource, DataCategoryEntity, 'parentId'),
  };
}
