import type { DataSource } from 'typeorm';
import { entitiesByLoader, entityLoader, listLoader } from '../../common/loaders';
import { ActivityEntity } from './activity.entity';

export interface ActivityCategoryLink {
  dataCategoryId: string;
  required: boolean;
}

export function createActivityLoaders(dataSource: DataSource) {
  return {
    byId: entityLoader(dataSource, ActivityEntity),
    byController: entitiesByLoader(dataSource, ActivityEntity, 'controllerId'),
    subjectCategoryIds: listLoader<{ owner_id: string; subject_category_id: string }, string>(
      dataSource,
      'SELECT activity_id AS owner_id, subject_category_id FROM activity_subject_category WHERE activity_id = ANY($1::uuid[])',
      (row) => row.subject_category_id,
    ),
    categoryLinks: listLoader<{ owner_id: string; data_category_id: string; required: boolean }, ActivityCategoryLink>(
      dataSource,
      'SELECT activity_id AS owner_id, data_category_id, required FROM activity_data_category WHERE activity_id = ANY($1::uuid[])',
      (row) => ({ dataCategoryId: row.data_category_id, required: row.required }),
    ),
  };
}
