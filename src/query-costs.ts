import { Kind, type FieldNode } from 'graphql';
import type { CostModel, FieldCosts } from './common/limits';
import { DEFAULT_MAX_DEPTH, MAX_DEPTH } from './engine/answers/compute-data-flows';

/**
 * What a question about the whole data map costs: it walks every activity in force, so its work
 * grows with the map, not with the fields asked. A tenth of the default budget (1,000): one
 * operation, or one batch, holds at most nine of them. Aliases of one question share one walk
 * (see WholeMapMemo), but different days, filters or pages do not, so each is paid for.
 */
export const WHOLE_MAP_COST = 100;

/**
 * How many subject categories a profile names, or Infinity when a variable hides them: a profile's
 * traversal starts from every activity of each category, so its work grows with their number.
 */
function subjectCategoriesNamed(field: FieldNode): number {
  const profile = field.arguments?.find((argument) => argument.name.value === 'profile')?.value;
  if (profile?.kind !== Kind.OBJECT) return Number.POSITIVE_INFINITY;
  const categories = profile.fields.find((entry) => entry.name.value === 'subjectCategories')?.value;
  if (categories?.kind === Kind.LIST) return categories.values.length;
  return categories?.kind === Kind.STRING ? 1 : Number.POSITIVE_INFINITY;
}

/**
 * Fields that cost more than one. A profile's traversal costs its maxDepth per subject category
 * named, up to what a walk of the whole map at that depth costs (a profile naming every category
 * is one).
 */
export const FIELD_COSTS: FieldCosts = new Map<string, number | ((field: FieldNode, workWeight: number) => number)>([
  ['Query.findings', WHOLE_MAP_COST],
  ['Query.crossBorderTransfers', WHOLE_MAP_COST],
  ['Query.transferRoutes', WHOLE_MAP_COST],
  ['Query.recipientsOfCategory', WHOLE_MAP_COST],
  ['Query.transferRegister', WHOLE_MAP_COST],
  // The walk's transfers and a read of the whole inventory.
  ['Query.recordOfProcessing', WHOLE_MAP_COST],
  // A read of the whole inventory.
  ['Query.expiringEvidence', WHOLE_MAP_COST],
  ['Query.exportInventory', WHOLE_MAP_COST],
  // Grows with the audit log, which grows with every change.
  ['Query.verifyAuditLog', WHOLE_MAP_COST],
  // A walk, then the traversal of every stored person who may be reached.
  ['Query.personsReaching', 2.5 * WHOLE_MAP_COST],
  // The import itself and the findings of the map before and after it: two walks.
  ['Mutation.importInventory', 2 * WHOLE_MAP_COST],
  ['Query.profileDataFlows', (field, depth) => depth * Math.min(subjectCategoriesNamed(field), WHOLE_MAP_COST / DEFAULT_MAX_DEPTH)],
]);

/** The cost model the server applies: maxDepth multiplies a traversal, FIELD_COSTS prices the rest. */
export const QUERY_COST_MODEL: CostModel = {
  work: { name: 'maxDepth', whenAbsent: DEFAULT_MAX_DEPTH, atMost: MAX_DEPTH },
  fields: FIELD_COSTS,
};
