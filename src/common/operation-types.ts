import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Refuses an operation of a type the schema has no root for (this API has no subscriptions). The
 * GraphQL specification's validation section has no rule for it, so graphql-js 16 lets such an
 * operation through to execution, which fails with an error that carries no code; validated here
 * it is the client's error, answered 400 GRAPHQL_VALIDATION_FAILED.
 */
export const knownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    if (!context.getSchema().getRootType(operation.operation)) {
      context.reportError(
        new GraphQLError(`${operation.operation}: this API has no ${operation.operation} operations; send a query or a mutation`, { nodes: operation }),
      );
    }
    return false;
  },
});
