import type { DataSource } from 'typeorm';
import { paginate, type Page, type PageArgs } from '../../common/pagination';
import { CATEGORY_SUBTREE_SQL } from '../data-category/data-category.service';
import { registryWrites } from '../registry/registry-service';
import { ActivityEntity } from './activity.entity';
import type { ActivityFilterInput } from './activity.inputs';
import { activityKind } from './activity.store';

export function listActivities(dataSource: DataSource, filter: ActivityFilterInput, page: PageArgs): Promise<Page<ActivityEntity>> {
  const query = dataSource.getRepository(ActivityEntity).createQueryBuilder('activity');
  if (filter.legalBases && filter.legalBases.length > 0) query.andWhere('activity.legal_basis IN (:...legalBases)', { legalBases: filter.legalBases });
  if (filter.subjectCategory) {
    query.andWhere(
      `EXISTS (SELECT 1 FROM activity_subject_category l JOIN subject_category s ON s.id = l.subject_category_id
               WHERE l.activity_id = activity.id AND s.key = :subjectKey)`,
      { subjectKey: filter.subjectCategory },
    );
  }
  if (filter.dataCategory) {
    query.andWhere(
      `EXISTS (SELECT 1 FROM activity_data_category l WHERE l.activity_id = activity.id AND l.data_category_id IN (${CATEGORY_SUBTREE_SQL}))`,
      { categoryKey: filter.dataCategory },
    );
  }
  if (filter.controller) {
    query.andWhere('activity.controller_id = (SELECT id FROM party WHERE key = :controllerKey)', { controllerKey: filter.controller });
  }
  return paginate(query, 'activity.key', (activity) => activity.key, page);
}

export const activityWrites = registryWrites(activityKind, ActivityEntity);
