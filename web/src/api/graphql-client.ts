import { print } from '@0no-co/graphql.web';
import type { ResultOf, TadaDocumentNode, VariablesOf } from 'gql.tada';

/** Where the console's own server answers GraphQL. */
export const GRAPHQL_PATH = '/graphql';

/** The API refused the request or answered with errors; `code` is the error's extensions.code. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }

  /** The token is not (or no longer) a live API token: the person must sign in again. */
  get unauthenticated(): boolean {
    return this.code === 'UNAUTHENTICATED';
  }

  get forbidden(): boolean {
    return this.code === 'FORBIDDEN';
  }
}

interface GraphQLResponse {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDocument = TadaDocumentNode<any, any>;

/** The text of a document as it is sent: what "copy the GraphQL query" gives. */
export function documentText(document: AnyDocument): string {
  return print(document);
}

/** Runs one operation with the Bearer token; throws ApiError on an HTTP failure or any GraphQL error. */
export async function runOperation<D extends AnyDocument>(document: D, variables: VariablesOf<D>, token: string, signal?: AbortSignal): Promise<ResultOf<D>> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: print(document), variables }),
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('The server could not be reached.', 'NETWORK_ERROR', 0);
  }
  let body: GraphQLResponse;
  try {
    body = (await response.json()) as GraphQLResponse;
  } catch {
    throw new ApiError(`The server answered ${response.status} without a GraphQL response.`, 'BAD_RESPONSE', response.status);
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? 'UNKNOWN', response.status);
  if (!response.ok || body.data === undefined) throw new ApiError(`The server answered ${response.status}.`, 'BAD_RESPONSE', response.status);
  return body.data as ResultOf<D>;
}
