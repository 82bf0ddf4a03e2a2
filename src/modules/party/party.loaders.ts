import type { DataSource } from 'typeorm';
import { entitiesByLoader, entityLoader, listLoader } from '../../common/loaders';
import type { CountryPeriod } from './country-history';
import { PartyEntity } from './party.entity';

export function createPartyLoaders(dataSource: DataSource) {
  return {
    byId: entityLoader(dataSource, PartyEntity),
    countries: listLoader<{ owner_id: string; country_code: string }, string>(
      dataSource,
      'SELECT party_id AS owner_id, country_code FROM party_country_now WHERE party_id = ANY($1::uuid[]) ORDER BY country_code',
      (row) => row.country_code,
    ),
    /** Every period of each party's countries, by country, then start. */
    countryHistory: listLoader<{ owner_id: string; country_code: string; effective_from: string | null; effective_to: string | null }, CountryPeriod>(
      dataSource,
      `SELECT party_id AS owner_id, country_code, effective_from, effective_to FROM party_country
       WHERE party_id = ANY($1::uuid[]) ORDER BY country_code, effective_from NULLS FIRST`,
      (row) => ({ country: row.country_code, effectiveFrom: row.effective_from, effectiveTo: row.effective_to }),
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
