import type { DataSource } from 'typeorm';
import { paginate, type Page, type PageArgs } from '../../common/pagination';
import { CATEGORY_SUBTREE_SQL } from '../data-category/data-category.service';
import { registryWrites } from '../registry/registry-service';
import { FlowEntity } from './flow.entity';
import type { FlowFilterInput } from './flow.inputs';
import { flowKind } from './flow.store';

/** A flow crosses a border when it reaches a country where the sender is not. */
const CROSSES_BORDER_SQL = `EXISTS (
  SELECT 1 FROM (
    SELECT country_code FROM flow_country WHERE flow_id = flow.id
    UNION ALL
    SELECT country_code FROM party_country_now WHERE party_id = flow.to_party_id
      AND NOT EXISTS (SELECT 1 FROM flow_country WHERE flow_id = flow.id)
  ) destination
  WHERE destination.country_code NOT IN (SELECT country_code FROM party_country_now WHERE party_id = flow.from_party_id))`;

const PARTY_ID_SQL = (parameter: string) => `(SELECT id FROM party WHERE key = :${parameter})`;

export function listFlows(dataSource: DataSource, filter: FlowFilterInput, page: PageArgs): Promise<Page<FlowEntity>> {
  const query = dataSource.getRepository(FlowEntity).createQueryBuilder('flow');
  if (filter.party) {
    query.andWhere(`(flow.from_party_id = ${PARTY_ID_SQL('partyKey')} OR flow.to_party_id = ${PARTY_ID_SQL('partyKey')})`, { partyKey: filter.party });
  }
  if (filter.from) query.andWhere(`flow.from_party_id = ${PARTY_ID_SQL('fromKey')}`, { fromKey: filter.from });
  if (filter.to) query.andWhere(`flow.to_party_id = ${PARTY_ID_SQL('toKey')}`, { toKey: filter.to });
  if (filter.activity) query.andWhere('flow.activity_id = (SELECT id FROM activity WHERE key = :activityKey)', { activityKey: filter.activity });
  if (filter.dataCategory) {
    query.andWhere(
      `EXISTS (SELECT 1 FROM flow_data_category l WHERE l.flow_id = flow.id AND l.data_category_id IN (${CATEGORY_SUBTREE_SQL}))`,
      { categoryKey: filter.dataCategory },
    );
  }
  if (filter.crossBorder === true) query.andWhere(CROSSES_BORDER_SQL);
  if (filter.crossBorder === false) query.andWhere(`NOT ${CROSSES_BORDER_SQL}`);
  if (filter.mechanisms && filter.mechanisms.length > 0) query.andWhere('flow.mechanism IN (:...mechanisms)', { mechanisms: filter.mechanisms });
  if (filter.withoutMechanism === true) query.andWhere('flow.mechanism IS NULL');
  return paginate(query, 'flow.key', (flow) => flow.key, page);
}

export const flowWrites = registryWrites(flowKind, FlowEntity);
