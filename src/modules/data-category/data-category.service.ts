import type { DataSource } from 'typeorm';
import { paginate, type Page, type PageArgs } from '../../common/pagination';
import { registryWrites } from '../registry/registry-service';
import { DataCategoryEntity } from './data-category.entity';
import type { DataCategoryFilterInput } from './data-category.inputs';
import { dataCategoryKind } from './data-category.store';

/** SQL for the ids of the category with key `:categoryKey` and all categories below it. */
export const CATEGORY_SUBTREE_SQL = `WITH RECURSIVE subtree(id) AS (
  SELECT id FROM data_category WHERE key = :categoryKey
  UNION SELECT c.id FROM data_category c JOIN subtree s ON c.parent_id = s.id)
  SELECT id FROM subtree`;

export function listDataCategories(dataSource: DataSource, filter: DataCategoryFilterInput, page: PageArgs): Promise<Page<DataCategoryEntity>> {
  const query = dataSource.getRepository(DataCategoryEntity).createQueryBuilder('category');
  if (filter.under) query.andWhere(`category.id IN (${CATEGORY_SUBTREE_SQL})`, { categoryKey: filter.under });
  if (filter.gdprSpecial !== undefined && filter.gdprSpecial !== null) query.andWhere('category.gdpr_special = :gdprSpecial', { gdprSpecial: filter.gdprSpecial });
  if (filter.piplSensitive !== undefined && filter.piplSensitive !== null) {
    query.andWhere('category.pipl_sensitive = :piplSensitive', { piplSensitive: filter.piplSensitive });
  }
  return paginate(query, 'category.key', (category) => category.key, page);
}

export const dataCategoryWrites = registryWrites(dataCategoryKind, DataCategoryEntity);
