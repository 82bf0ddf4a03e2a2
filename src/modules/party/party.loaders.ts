import type { DataSource } from 'typeorm';
import { entitiesByLoader, entityLoader, listLoader } from '../../common/loaders';
import { PartyEntity } from './party.entity';

export function createPartyLoaders(dataSource: DataSource) {
  return {
    byId: entityLoader(dataSource, PartyEntity),
    countries: listLoader<{ owner_id: string; country_code: string }, string>(
      dataSource,
      'SELECT party_id AS owner_id, country_code FROM party_country WHERE party_id = ANY($1::uuid[]) ORDER BY country_code',
      (row) => row.country_code,
    ),
    subProcessors: entitiesByLoader(dataSource, PartyEntity, 'engagedById'),
    /** Ids of the data categories that any flow delivers to the party. */
    categoryIdsReceived: listLoader<{ owner_id: string; data_category_id: string }, string>(
      dataSource,
      `SELECT DISTINCT f.to_party_id AS owner_id, l.data_category_id FROM flow f
       JOIN flow_data_category l ON l.flow_id = f.id WHERE f.to_party_id = ANY($1::uuid[])`,
      (row) => row.data_category_id,
    ),
  };
}
