import type { DataSource } from 'typeorm';
import { entitiesByLoader, entityLoader, listLoader } from '../../common/loaders';
import DataLoader from 'dataloader';
import type { MechanismEntry } from '../../domain/inventory-document';
import { FlowEntity } from './flow.entity';
import { readMechanisms } from './flow.store';

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
    /** The flow's mechanisms in order of reliance, each with its own evidence. */
    mechanisms: new DataLoader<string, MechanismEntry[]>(async (ids) => {
      const byFlow = await readMechanisms(dataSource.manager, [...ids]);
      return ids.map((id) => byFlow.get(id) ?? []);
    }),
    /** Countries the flow names; empty when it reaches all of the receiver's. */
    namedCountries: listLoader<{ owner_id: string; country_code: string }, string>(
      dataSource,
      'SELECT flow_id AS owner_id, country_code FROM flow_country WHERE flow_id = ANY($1::uuid[]) ORDER BY country_code',
      (row) => row.country_code,
    ),
  };
}
