import {
  getNamedType,
  GraphQLError,
  isInterfaceType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
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

function fieldWeight(field: FieldNode, definition: GraphQLField<unknown, unknown> | undefined, work: WorkArgument | undefined): number {
  if (!work || !definition?.args.some((argument) => argument.name === work.name)) return 1;
  const value = field.arguments?.find((argument) => argument.name.value === work.name)?.value;
  if (value === undefined) return work.whenAbsent;
  if (value.kind !== Kind.INT) return work.atMost;
  return Math.max(1, Math.min(Number(value.value), work.atMost));
}

/**
 * Refuses an operation nested deeper than `maxDepth` fields, or costing more than `maxCost`: each
 * field selected costs 1 (fragments count wherever they are spread), and a field that takes the
 * work argument costs its value instead (`dataFlows(maxDepth: 12)` costs 12). Errors carry the
 * code LIMIT_EXCEEDED. Fragments are measured once each, so a document cannot make the measuring
 * itself expensive.
 */
export function queryLimitsRule(limits: { maxDepth: number; maxCost: number }, work?: WorkArgument): ValidationRule {
  return (context) => {
    const schema = context.getSchema();
    const fragments = new Map<string, Measure>();

    // `nesting` counts every level, inline fragments and spreads included, so that neither can
    // nest without bound; `depth` counts fields only.
    const measure = (selectionSet: SelectionSetNode, parentType: GraphQLNamedType | undefined, nesting: number): Measure => {
      if (nesting > 2 * limits.maxDepth) throw new TooDeep();
      const total: Measure = { depth: 0, cost: 0 };
      const add = (inner: Measure, extraDepth: number): void => {
        total.depth = Math.max(total.depth, inner.depth + extraDepth);
        total.cost += inner.cost;
        if (total.depth > limits.maxDepth) throw new TooDeep();
      };
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          const definition = fieldDefinition(schema, parentType, selection.name.value);
          const inner = selection.selectionSet
            ? measure(selection.selectionSet, definition && getNamedType(definition.type), nesting + 1)
            : { depth: 0, cost: 0 };
          add({ depth: inner.depth, cost: inner.cost + fieldWeight(selection, definition, work) }, 1);
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
      const fragment = context.getFragment(name);
      // Unknown and cyclic fragments are errors of graphql-js's own rules; here they weigh nothing.
      fragments.set(name, { depth: 0, cost: 0 });
      if (!fragment) return { depth: 0, cost: 0 };
      const type = schema.getType(fragment.typeCondition.name.value) ?? undefined;
      const result = measure(fragment.selectionSet, type, nesting + 1);
      fragments.set(name, result);
      return result;
    };

    return {
      OperationDefinition(operation) {
        const rootType = schema.getRootType(operation.operation) ?? undefined;
        try {
          const { cost } = measure(operation.selectionSet, rootType, 0);
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
