import type { DataSource } from 'typeorm';
import { paginate, type Page, type PageArgs } from '../../common/pagination';
import { CATEGORY_SUBTREE_SQL } from '../data-category/data-category.service';
import { registryWrites } from '../registry/registry-service';
import { FlowEntity } from './flow.entity';
import type { FlowFilter } from './flow.inputs';
import { flowKind } from './flow.store';
import type { FlowEntry } from '../../domain/inventory-document';
import { validateMechanisms, withMechanismList } from './mechanism-list';
import { ProblemList } from '../../common/errors';

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

export function listFlows(dataSource: DataSource, filter: FlowFilter, page: PageArgs): Promise<Page<FlowEntity>> {
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
  if (filter.mechanisms && filter.mechanisms.length > 0) {
    query.andWhere('EXISTS (SELECT 1 FROM flow_mechanism m WHERE m.flow_id = flow.id AND m.mechanism IN (:...mechanisms))', { mechanisms: filter.mechanisms });
  }
  if (filter.withoutMechanism === true) query.andWhere('NOT EXISTS (SELECT 1 FROM flow_mechanism m WHERE m.flow_id = flow.id)');
  return paginate(query, 'flow.key', (flow) => flow.key, page);
}

const writes = registryWrites(flowKind, FlowEntity);

/** The input with the shorthand as the list it stands for, once the shorthand's own fields are found sound (problems name them). */
function expandShorthand<Input extends Partial<FlowEntry>>(input: Input): Input {
  if (input.mechanism === undefined && input.piplExemption === undefined) return input;
  const problems = new ProblemList();
  validateMechanisms(input as FlowEntry, 'input', problems);
  problems.throwIfAny();
  return withMechanismList(input);
}

/** The flow use cases; the single-mechanism shorthand of an input becomes the list it stands for before the patch is applied. */
export const flowWrites = {
  create: (dataSource: DataSource, actor: string, input: FlowEntry) => writes.create(dataSource, actor, expandShorthand(input)),
  update: (dataSource: DataSource, actor: string, key: string, patch: Partial<FlowEntry>, expectedVersion?: number | null) =>
    writes.update(dataSource, actor, key, expandShorthand(patch), expectedVersion),
  remove: writes.remove,
};
