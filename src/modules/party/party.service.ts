import { Brackets, type DataSource } from 'typeorm';
import { paginate, type Page, type PageArgs } from '../../common/pagination';
import { registryWrites } from '../registry/registry-service';
import type { PartyFilterInput } from './party.inputs';
import { PartyEntity } from './party.entity';
import { partyKind } from './party.store';

export function listParties(dataSource: DataSource, filter: PartyFilterInput, page: PageArgs): Promise<Page<PartyEntity>> {
  const query = dataSource.getRepository(PartyEntity).createQueryBuilder('party');
  if (filter.kinds && filter.kinds.length > 0) query.andWhere('party.kind IN (:...kinds)', { kinds: filter.kinds });
  if (filter.country) {
    query.andWhere('EXISTS (SELECT 1 FROM party_country_now pc WHERE pc.party_id = party.id AND pc.country_code = :country)', {
      country: filter.country,
    });
  }
  if (filter.regime) {
    query.andWhere(
      `EXISTS (SELECT 1 FROM party_country_now pc JOIN regime_country rc ON rc.country_code = pc.country_code
               WHERE pc.party_id = party.id AND rc.regime_code = :regime)`,
      { regime: filter.regime },
    );
  }
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    query.andWhere(new Brackets((where) => where.where('party.key ILIKE :pattern', { pattern }).orWhere('party.name ILIKE :pattern', { pattern })));
  }
  return paginate(query, 'party.key', (party) => party.key, page);
}

export const partyWrites = registryWrites(partyKind, PartyEntity);
