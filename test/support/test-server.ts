import pino from 'pino';
import { startServer, type RunningServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

export interface TestServer {
  url: string;
  database: TestDatabase;
  server: RunningServer;
  /** POSTs a GraphQL operation and returns the parsed response. */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  stop(): Promise<void>;
}

/** A real server on an ephemeral port over a fresh database: tests talk to it over HTTP. */
export async function startTestServer(): Promise<TestServer> {
  const database = await createTestDatabase();
  const server = await startServer({ database, logger: pino({ level: 'silent' }), host: '127.0.0.1', port: 0 });
  return {
    url: server.url,
    database,
    server,
    async graphql<T>(query: string, variables?: Record<string, unknown>) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResult<T>, 'status'>;
      return { status: response.status, ...body };
    },
    async stop() {
      await server.stop();
      await database.drop();
    },
  };
}
