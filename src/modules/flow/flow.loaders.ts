import type { DataSource } from 'typeorm';
import { entitiesByLoader, entityLoader, listLoader } from '../../common/loaders';
import { FlowEntity } from './flow.entity';

export function createFlowLoaders(dataSource: DataSource) {
  return {
    byId: entityLoader(dataSource, FlowEntity),
    byActivity: entitiesByLoader(dataSource, FlowEntity, 'activityId'),
    bySender: entitiesByLoader(dataSource, FlowEntity, 'fromPartyId'),
    byReceiver: entitiesByLoader(dataSource, FlowEntity, 'toPartyId'),
    categoryIds: listLoader<{ owner_id: string; data_category_id: string }, string>(
      dataSource,
      'SELECT flow_id AS owner_id, data_category_id FROM flow_data_category WHERE flow_id = ANY($1::uuid[])',
      (row) => row.data_category_id,
    ),
    /** Countries the flow names; empty when it reaches all of the receiver's. */
    namedCountries: listLoader<{ owner_id: string; country_code: string }, string>(
      dataSource,
      'SELECT flow_id AS owner_id, country_code FROM flow_country WHERE flow_id = ANY($1::uuid[]) ORDER BY country_code',
      (row) => row.country_code,
    ),
  };
}
