import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { guardArguments } from './common/argument-guard';
import { ActivityResolver } from './modules/activity/activity.resolver';
import { AuditLogResolver } from './modules/audit/audit-log.resolver';
import { enforceAccessPolicy } from './modules/auth/access-policy';
import { ApiTokenResolver } from './modules/auth/api-token.resolver';
import { MeResolver } from './modules/auth/me.resolver';
import { DataCategoryResolver } from './modules/data-category/data-category.resolver';
import { ExpiringEvidenceResolver } from './modules/evidence/expiring-evidence.resolver';
import { DataFlowDiagramResolver, ExportsResolver } from './modules/exports/exports.resolver';
import { FlowResolver } from './modules/flow/flow.resolver';
import { FlowQueryResolver, PersonDataFlowResolver } from './modules/flow-query/flow-query.resolver';
import { InventoryResolver } from './modules/inventory/inventory.resolver';
import { PartyResolver } from './modules/party/party.resolver';
import { ConsentResolver, PersonResolver } from './modules/person/person.resolver';
import { CountryResolver, DpvTermResolver, RegimeResolver } from './modules/reference/reference.resolver';
import { NodeResolver } from './modules/registry/node.resolver';
import { SubjectCategoryResolver } from './modules/subject-category/subject-category.resolver';

export const RESOLVERS = [
  PartyResolver,
  DataCategoryResolver,
  SubjectCategoryResolver,
  ActivityResolver,
  FlowResolver,
  CountryResolver,
  RegimeResolver,
  DpvTermResolver,
  PersonResolver,
  ConsentResolver,
  PersonDataFlowResolver,
  FlowQueryResolver,
  InventoryResolver,
  AuditLogResolver,
  ApiTokenResolver,
  MeResolver,
  ExportsResolver,
  DataFlowDiagramResolver,
  ExpiringEvidenceResolver,
  NodeResolver,
] as const;

/** The inventory file's parser reports a bad character with its line and column; the guard leaves it that. */
const UNGUARDED_ARGUMENTS = new Set(['Mutation.importInventory.file']);

let built: Promise<GraphQLSchema> | null = null;

/** The GraphQL schema, built once per process from the resolvers' decorators. */
export function flowmapSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers: [...RESOLVERS], validate: false }).then((schema) => {
    const query = schema.getQueryType();
    const mutation = schema.getMutationType();
    if (query) query.description = 'Questions Flowmap answers: the data map, reference data, where data flows.';
    if (mutation) mutation.description = 'Changes to the data map; each mutation is one transaction and writes the audit log.';
    return enforceAccessPolicy(guardArguments(schema, UNGUARDED_ARGUMENTS));
  });
  return built;
}

/** The SDL committed as schema.graphql: sorted, so that it changes only when the API does. */
export function printFlowmapSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
