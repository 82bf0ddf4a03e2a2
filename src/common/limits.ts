import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  GraphQLError,
  isInterfaceType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { ErrorCode } from './errors';

/** What one request may ask of the server. */
export interface Limits {
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
  /** Most lexical tokens in a GraphQL document (the parser stops there). */
  maxQueryTokens: number;
  /** Deepest nesting of fields in an operation. */
  maxQueryDepth: number;
  /** Highest cost of an operation: its fields, counted as queryLimitsRule says. */
  maxQueryCost: number;
  /** Most operations in one batched request. */
  maxBatchSize: number;
  /** How long a request may take, in milliseconds. */
  requestTimeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBodyBytes: 1024 * 1024,
  maxQueryTokens: 10_000,
  maxQueryDepth: 15,
  maxQueryCost: 1_000,
  maxBatchSize: 10,
  requestTimeoutMs: 30_000,
};

/** An Int argument that multiplies the work of its field, such as a traversal's maxDepth. */
export interface WorkArgument {
  name: string;
  /** The weight of a field that takes the argument when it is left out. */
  whenAbsent: number;
  /** The largest value that counts; also the weight when the value is a variable (unknown here). */
  atMost: number;
}

/**
 * What a field costs instead of 1, by `Type.field`: a number, or a function of the field as asked
 * and the weight its work argument would give it (1 for a field without one).
 */
export type FieldCosts = ReadonlyMap<string, number | ((field: FieldNode, workWeight: number) => number)>;

/** How an operation is priced: the work argument and the fields that cost more than one. */
export interface CostModel {
  work?: WorkArgument;
  fields?: FieldCosts;
}

interface Measure {
  depth: number;
  cost: number;
}

class TooDeep extends Error {}

function limitExceeded(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.LIMIT_EXCEEDED } });
}

function fieldDefinition(schema: GraphQLSchema, parentType: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (parentType && parentType === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  return isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[name] : undefined;
}

function workWeight(field: FieldNode, definition: GraphQLField<unknown, unknown> | undefined, work: WorkArgument | undefined): number {
  if (!work || !definition?.args.some((argument) => argument.name === work.name)) return 1;
  const value = field.arguments?.find((argument) => argument.name.value === work.name)?.value;
  if (value === undefined) return work.whenAbsent;
  if (value.kind !== Kind.INT) return work.atMost;
  return Math.max(1, Math.min(Number(value.value), work.atMost));
}

function fieldWeight(field: FieldNode, parentType: GraphQLNamedType | undefined, definition: GraphQLField<unknown, unknown> | undefined, model: CostModel): number {
  const weight = workWeight(field, definition, model.work);
  const cost = parentType && definition ? model.fields?.get(`${parentType.name}.${definition.name}`) : undefined;
  if (cost === undefined) return weight;
  return Math.max(1, Math.ceil(typeof cost === 'number' ? cost : cost(field, weight)));
}

/**
 * Measures operations of one document: depth and cost. Throws TooDeep past `maxDepth`. Fragments
 * are measured once each, so a document cannot make the measuring itself expensive.
 */
function operationMeasurer(
  schema: GraphQLSchema,
  fragmentNamed: (name: string) => FragmentDefinitionNode | null | undefined,
  maxDepth: number,
  model: CostModel,
): (operation: OperationDefinitionNode) => Measure {
  const fragments = new Map<string, Measure>();

  // `nesting` counts every level, inline fragments and spreads included, so that neither can
  // nest without bound; `depth` counts fields only.
  const measure = (selectionSet: SelectionSetNode, parentType: GraphQLNamedType | undefined, nesting: number): Measure => {
    if (nesting > 2 * maxDepth) throw new TooDeep();
    const total: Measure = { depth: 0, cost: 0 };
    const add = (inner: Measure, extraDepth: number): void => {
      total.depth = Math.max(total.depth, inner.depth + extraDepth);
      total.cost += inner.cost;
      if (total.depth > maxDepth) throw new TooDeep();
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const definition = fieldDefinition(schema, parentType, selection.name.value);
        const inner = selection.selectionSet
          ? measure(selection.selectionSet, definition && getNamedType(definition.type), nesting + 1)
          : { depth: 0, cost: 0 };
        add({ depth: inner.depth, cost: inner.cost + fieldWeight(selection, parentType, definition, model) }, 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        add(measure(selection.selectionSet, type ?? undefined, nesting + 1), 0);
      } else {
        add(measureFragment(selection.name.value, nesting), 0);
      }
    }
    return total;
  };

  const measureFragment = (name: string, nesting: number): Measure => {
    const known = fragments.get(name);
    if (known) return known;
    const fragment = fragmentNamed(name);
    // Unknown and cyclic fragments are errors of graphql-js's own rules; here they weigh nothing.
    fragments.set(name, { depth: 0, cost: 0 });
    if (!fragment) return { depth: 0, cost: 0 };
    const type = schema.getType(fragment.typeCondition.name.value) ?? undefined;
    const result = measure(fragment.selectionSet, type, nesting + 1);
    fragments.set(name, result);
    return result;
  };

  return (operation) => measure(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined, 0);
}

/** The cost of one operation of a validated document, counted as queryLimitsRule counts it. */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, model: CostModel): number {
  const fragments = new Map(document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [])));
  return operationMeasurer(schema, (name) => fragments.get(name), Number.POSITIVE_INFINITY, model)(operation).cost;
}

/**
 * Refuses an operation nested deeper than `maxDepth` fields, or costing more than `maxCost`: each
 * field selected costs 1 (fragments count wherever they are spread), a field that takes the work
 * argument costs its value instead (`dataFlows(maxDepth: 12)` costs 12), and a field of
 * `fieldCosts` costs what the table says (a question about the whole data map costs what walking
 * it does). Errors carry the code LIMIT_EXCEEDED.
 */
export function queryLimitsRule(limits: { maxDepth: number; maxCost: number }, work?: WorkArgument, fieldCosts?: FieldCosts): ValidationRule {
  return (context) => {
    const measure = operationMeasurer(context.getSchema(), (name) => context.getFragment(name), limits.maxDepth, { work, fields: fieldCosts });
    return {
      OperationDefinition(operation) {
        try {
          const { cost } = measure(operation);
          if (cost > limits.maxCost) {
            context.reportError(limitExceeded(`query cost: ${cost} is more than the ${limits.maxCost} allowed; ask for fewer fields, or a smaller maxDepth`));
          }
        } catch (error) {
          if (!(error instanceof TooDeep)) throw error;
          context.reportError(limitExceeded(`query depth: fields nest deeper than the ${limits.maxDepth} levels allowed`));
        }
        return false;
      },
    };
  };
}

/**
 * One budget for a whole request: the operations of a batch together may cost at most `maxCost`.
 * Each operation, once resolved and before it runs, takes its cost from the request's budget
 * (`budgetOf` its context, which the operations of a batch share); one that does not fit is
 * refused with LIMIT_EXCEEDED and runs nothing. The validation rule alone cannot do this: it sees
 * one document at a time, and Apollo skips it for documents it has validated before.
 */
export function requestCostPlugin<Context extends object>(maxCost: number, model: CostModel, budgetOf: (context: Context) => { spent: number }): ApolloServerPlugin<Context> {
  const costs = new WeakMap<OperationDefinitionNode, number>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, schema }) {
          if (!operation) return;
          let cost = costs.get(operation);
          if (cost === undefined) {
            cost = operationCost(schema, document, operation, model);
            costs.set(operation, cost);
          }
          const budget = budgetOf(contextValue);
          if (budget.spent + cost > maxCost) {
            throw new GraphQLError(
              `request cost: this operation (${cost}) and those before it in the batch (${budget.spent}) cost more than the ${maxCost} allowed per request; send fewer operations or ask for less`,
              { extensions: { code: ErrorCode.LIMIT_EXCEEDED, http: { status: 400 } } },
            );
          }
          budget.spent += cost;
        },
      };
    },
  };
}
