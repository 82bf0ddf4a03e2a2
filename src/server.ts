import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { ErrorCode } from './common/errors';
import { formatError } from './common/format-error';
import { createRequestContext, type RequestContext } from './context';
import { pendingMigrations } from './db/migrate';
import type { Database } from './db/data-source';
import { flowmapSchema } from './schema';

export interface ServerOptions {
  database: Database;
  logger: Logger;
  host: string;
  port: number;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
}

export interface RunningServer {
  url: string;
  httpServer: http.Server;
  /** Stops taking requests, lets those in flight finish, then stops Apollo. */
  stop(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

class BodyTooLarge extends Error {}

function readBody(request: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function errorBody(code: ErrorCode, message: string): unknown {
  return { errors: [{ message, extensions: { code } }] };
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  if (contentType && /^application\/(graphql-response\+)?json/i.test(contentType)) return JSON.parse(raw);
  return raw;
}

async function readiness(dataSource: DataSource): Promise<{ ready: boolean; reason?: string }> {
  try {
    await dataSource.query('SELECT 1');
    const pending = await pendingMigrations((dataSource.driver as unknown as { master: import('pg').Pool }).master);
    return pending.length === 0 ? { ready: true } : { ready: false, reason: `migrations pending: ${pending.join(', ')}` };
  } catch {
    return { ready: false, reason: 'database unreachable' };
  }
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { database, logger } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const apollo = new ApolloServer<RequestContext>({
    schema: await flowmapSchema(),
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatError(formatted, error, (internal) => logger.error({ err: internal }, 'internal error')),
  });
  await apollo.start();

  const handleGraphQL = async (request: http.IncomingMessage, response: http.ServerResponse, requestId: string): Promise<void> => {
    let body: unknown;
    try {
      body = parseBody(await readBody(request, maxBodyBytes), request.headers['content-type']);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        sendJson(response, 413, errorBody(ErrorCode.LIMIT_EXCEEDED, `request body: larger than ${maxBodyBytes} bytes`));
      } else {
        sendJson(response, 400, errorBody(ErrorCode.BAD_USER_INPUT, 'request body: not valid JSON'));
      }
      return;
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    const httpGraphQLRequest: HTTPGraphQLRequest = { method: request.method ?? 'GET', headers, search: url.search, body };
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: async () => createRequestContext(database.dataSource, { name: 'anonymous' }, requestId),
    });
    for (const [name, value] of result.headers) response.setHeader(name, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  };

  const httpServer = http.createServer((request, response) => {
    const requestId = randomUUID();
    const started = process.hrtime.bigint();
    response.setHeader('x-request-id', requestId);
    response.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ requestId, method: request.method, path: request.url?.split('?')[0], status: response.statusCode, durationMs }, 'request');
    });
    const path = (request.url ?? '/').split('?')[0];
    const handled =
      path === '/graphql'
        ? handleGraphQL(request, response, requestId)
        : path === '/healthz'
          ? Promise.resolve(sendJson(response, 200, { status: 'ok' }))
          : path === '/readyz'
            ? readiness(database.dataSource).then((state) => sendJson(response, state.ready ? 200 : 503, state))
            : Promise.resolve(sendJson(response, 404, errorBody(ErrorCode.NOT_FOUND, `no route ${path}; the API is at /graphql`)));
    handled.catch((error: unknown) => {
      logger.error({ err: error, requestId }, 'request failed');
      if (!response.headersSent) sendJson(response, 500, errorBody(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error'));
      else response.end();
    });
  });

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host, resolve));
  const address = httpServer.address() as AddressInfo;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${address.port}/graphql`;
  return {
    url,
    httpServer,
    async stop() {
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeIdleConnections();
      });
      await apollo.stop();
    },
  };
}
