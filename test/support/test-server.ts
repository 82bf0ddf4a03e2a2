import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { createToken, seedAdminToken } from '../../src/modules/auth/api-token.service';
import type { Role } from '../../src/modules/auth/role';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** Sends GraphQL operations with one API token (or none). */
export interface GraphQLClient {
  /** The bearer secret sent, or null for an anonymous client. */
  token: string | null;
  /** POSTs a GraphQL operation and returns the parsed response. */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
}

export interface TestServer extends GraphQLClient {
  url: string;
  database: TestDatabase;
  server: RunningServer;
  /** A client whose token has `role` (made on first use, named `test-<role>`); `api` itself is ADMIN. */
  as(role: Role): Promise<GraphQLClient>;
  /** A client that sends no token. */
  anonymous: GraphQLClient;
  stop(): Promise<void>;
}

function clientFor(url: string, token: string | null): GraphQLClient {
  return {
    token,
    async graphql<T>(query: string, variables?: Record<string, unknown>) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResult<T>, 'status'>;
      return { status: response.status, ...body };
    },
  };
}

/**
 * A real server on an ephemeral port over a fresh database: tests talk to it over HTTP, as ADMIN
 * unless they ask for another role. `options` may change anything but the database.
 */
export async function startTestServer(options: Partial<Omit<ServerOptions, 'database'>> = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const adminToken = `fm_${randomBytes(32).toString('base64url')}`;
  await seedAdminToken(database.dataSource, adminToken);
  const server = await startServer({ logger: pino({ level: 'silent' }), host: '127.0.0.1', port: 0, ...options, database });
  const clients = new Map<Role, Promise<GraphQLClient>>();
  return {
    ...clientFor(server.url, adminToken),
    url: server.url,
    database,
    server,
    as(role) {
      if (!clients.has(role)) {
        clients.set(role, createToken(database.dataSource, `test-${role.toLowerCase()}`, role).then(({ secret }) => clientFor(server.url, secret)));
      }
      return clients.get(role) as Promise<GraphQLClient>;
    },
    anonymous: clientFor(server.url, null),
    async stop() {
      await server.stop();
      await database.drop();
    },
  };
}
