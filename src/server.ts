import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { consoleFileFor, DEFAULT_CONSOLE_DIR, sendConsoleFile } from './common/console-files';
import { corsHeaders } from './common/cors';
import { ErrorCode } from './common/errors';
import { formatError, isDatabaseUnavailable, loggableError } from './common/format-error';
import { DEFAULT_LIMITS, queryLimitsRule, requestCostPlugin, type Limits } from './common/limits';
import { knownOperationTypesRule } from './common/operation-types';
import { requestTimedOut } from './common/request-deadline';
import { portProblem } from './common/startup-error';
import { admitTrustedOperations, type TrustedDocuments } from './common/trusted-documents';
import { ANONYMOUS, createRequestContext, type Caller, type RequestContext } from './context';
import { pendingMigrations } from './db/migrate';
import type { Database } from './db/data-source';
import { authenticate } from './modules/auth/api-token.service';
import { DEFAULT_AUTH_FAILURES_PER_MINUTE, FailedAuthLimiter } from './modules/auth/failed-auth-limiter';
import { attachTokenCache, DEFAULT_TOKEN_CACHE_SECONDS, detachTokenCache, VerifiedTokenCache } from './modules/auth/verified-token-cache';
import { QUERY_COST_MODEL } from './query-costs';
import { flowmapSchema } from './schema';

export interface ServerOptions {
  database: Database;
  logger: Logger;
  host: string;
  port: number;
  /** Overrides of DEFAULT_LIMITS. */
  limits?: Partial<Limits>;
  /** Whether the schema may be introspected (default true). */
  introspection?: boolean;
  /** Browser origins allowed by CORS, '*' for any (default none). */
  corsOrigins?: readonly string[];
  /** How long a verified API token is remembered (see VerifiedTokenCache); 0 looks every one up (default DEFAULT_TOKEN_CACHE_SECONDS). */
  tokenCacheSeconds?: number;
  /** Failed authentications a client address may make per minute before it gets 429 (default DEFAULT_AUTH_FAILURES_PER_MINUTE); 0 for no limit. */
  authFailuresPerMinute?: number;
  /** The only documents run, by hash or exact text (default null: any document, with automatic persisted queries). */
  trustedDocuments?: TrustedDocuments | null;
  /** The folder of the console's built files, served at `/` (default DEFAULT_CONSOLE_DIR, where `npm run build` puts them). */
  consoleDir?: string;
}

export interface RunningServer {
  url: string;
  httpServer: http.Server;
  /** Stops taking requests, lets those in flight finish, then stops Apollo. */
  stop(): Promise<void>;
}

class BodyTooLarge extends Error {}

/** How much of a body over the limit is read and dropped (so the client sees the 413) before hanging up. */
const OVERSIZED_BODY_DRAIN_FACTOR = 8;

function readBody(request: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Answered at once; the rest is dropped as it comes, since a client cut off mid-upload
        // sees a reset connection instead of the answer.
        reject(new BodyTooLarge());
        chunks.length = 0;
        if (size > OVERSIZED_BODY_DRAIN_FACTOR * limit) request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
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

/** The caller an Authorization header stands for: anonymous without one, null for a bad one. */
async function callerOf(dataSource: DataSource, authorization: string | undefined): Promise<Caller | null> {
  if (authorization === undefined) return ANONYMOUS;
  const secret = /^Bearer +(\S+)$/i.exec(authorization)?.[1];
  return secret ? authenticate(dataSource, secret) : null;
}

const TIMED_OUT = Symbol('timed out');

/**
 * The answer of `work`, or TIMED_OUT after `ms`. The work itself goes on: what it writes cannot
 * commit after the deadline (see withDeadline), and its answer is dropped.
 */
async function beforeDeadline<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { database, logger } = options;
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const corsOrigins = options.corsOrigins ?? [];
  const consoleDir = options.consoleDir ?? DEFAULT_CONSOLE_DIR;
  const apollo = new ApolloServer<RequestContext>({
    schema: await flowmapSchema(),
    csrfPrevention: true,
    introspection: options.introspection ?? true,
    allowBatchedHttpRequests: true,
    // main.ts drains and exits on SIGTERM itself; Apollo's own handler would re-raise the signal.
    stopOnTerminationSignals: false,
    logger,
    parseOptions: { maxTokens: limits.maxQueryTokens },
    validationRules: [
      knownOperationTypesRule,
      queryLimitsRule({ maxDepth: limits.maxQueryDepth, maxCost: limits.maxQueryCost }, QUERY_COST_MODEL.work, QUERY_COST_MODEL.fields),
    ],
    includeStacktraceInErrorResponses: false,
    // No cache hints are set: without the plugin, Apollo does not wrap every field's resolver.
    plugins: [ApolloServerPluginCacheControlDisabled(), requestCostPlugin<RequestContext>(limits.maxQueryCost, QUERY_COST_MODEL, (context) => context.cost)],
    formatError: (formatted, error) => formatError(formatted, error, (internal) => logger.error({ error: loggableError(internal) }, 'internal error')),
  });
  await apollo.start();
  const tokens = await startTokenCache(database, options.tokenCacheSeconds ?? DEFAULT_TOKEN_CACHE_SECONDS);
  const authFailuresPerMinute = options.authFailuresPerMinute ?? DEFAULT_AUTH_FAILURES_PER_MINUTE;
  const failedAuth = authFailuresPerMinute > 0 ? new FailedAuthLimiter(authFailuresPerMinute) : null;

  const handleGraphQL = async (request: http.IncomingMessage, response: http.ServerResponse, requestId: string, noteCaller: (caller: Caller) => void): Promise<void> => {
    let body: unknown;
    try {
      body = parseBody(await readBody(request, limits.maxBodyBytes), request.headers['content-type']);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        sendJson(response, 413, errorBody(ErrorCode.LIMIT_EXCEEDED, `request body: larger than ${limits.maxBodyBytes} bytes`));
      } else {
        sendJson(response, 400, errorBody(ErrorCode.BAD_USER_INPUT, 'request body: not valid JSON'));
      }
      return;
    }
    if (Array.isArray(body) && body.length > limits.maxBatchSize) {
      sendJson(response, 400, errorBody(ErrorCode.LIMIT_EXCEEDED, `batch: ${body.length} operations; at most ${limits.maxBatchSize} per request`));
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    const refusal = options.trustedDocuments ? admitTrustedOperations(options.trustedDocuments, body, url.searchParams) : null;
    if (refusal) {
      sendJson(response, 400, errorBody(ErrorCode.PERSISTED_QUERY_NOT_ALLOWED, refusal));
      return;
    }
    const address = request.socket.remoteAddress ?? 'unknown';
    const retryAfter = request.headers.authorization === undefined ? 0 : (failedAuth?.retryAfterSeconds(address) ?? 0);
    if (retryAfter > 0) {
      sendJson(
        response,
        429,
        errorBody(ErrorCode.RATE_LIMITED, `Authorization: too many failed authentications from this address; retry in ${retryAfter} s`),
        { 'retry-after': String(retryAfter) },
      );
      return;
    }
    const caller = await callerOf(database.dataSource, request.headers.authorization);
    if (!caller) {
      failedAuth?.noteFailure(address);
      sendJson(response, 401, errorBody(ErrorCode.UNAUTHENTICATED, 'Authorization: not a live API token (expected `Bearer fm_...`)'), {
        'www-authenticate': 'Bearer error="invalid_token"',
      });
      return;
    }
    noteCaller(caller);
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = { method: request.method ?? 'GET', headers, search: url.search, body };
    const timeLimit = { deadline: Date.now() + limits.requestTimeoutMs, timeoutMs: limits.requestTimeoutMs };
    const result = await beforeDeadline(
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest,
        context: async () => createRequestContext(database.dataSource, caller, requestId, timeLimit, logger),
      }),
      limits.requestTimeoutMs,
    );
    if (result === TIMED_OUT) {
      const error = requestTimedOut(limits.requestTimeoutMs);
      sendJson(response, 503, { errors: [{ message: error.message, extensions: error.extensions }] });
      return;
    }
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
    const path = (request.url ?? '/').split('?')[0];
    let callerName: string | undefined;
    response.setHeader('x-request-id', requestId);
    response.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ requestId, method: request.method, path, status: response.statusCode, caller: callerName, durationMs }, 'request');
    });
    const preflight = request.method === 'OPTIONS';
    for (const [name, value] of Object.entries(corsHeaders(request.headers.origin, corsOrigins, preflight))) response.setHeader(name, value);
    const route = async (): Promise<void> => {
      if (path === '/graphql') {
        if (preflight) response.writeHead(204, { allow: 'GET, POST, OPTIONS' }).end();
        else await handleGraphQL(request, response, requestId, (caller) => (callerName = caller.name));
      } else if (path === '/healthz') {
        sendJson(response, 200, { status: 'ok' });
      } else if (path === '/readyz') {
        const state = await readiness(database.dataSource);
        sendJson(response, state.ready ? 200 : 503, state);
      } else {
        const file = request.method === 'GET' || request.method === 'HEAD' ? consoleFileFor(consoleDir, path) : null;
        if (file) sendConsoleFile(request, response, file);
        else if (path === '/') sendJson(response, 404, errorBody(ErrorCode.NOT_FOUND, `the console is not built (npm run build); the API is at /graphql`));
        else sendJson(response, 404, errorBody(ErrorCode.NOT_FOUND, `no route ${path}; the API is at /graphql`));
      }
    };
    route().catch((error: unknown) => {
      logger.error({ error: loggableError(error), requestId }, 'request failed');
      if (response.headersSent) response.end();
      else if (isDatabaseUnavailable(error)) sendJson(response, 503, errorBody(ErrorCode.SERVICE_UNAVAILABLE, 'the database is unavailable; retry'));
      else sendJson(response, 500, errorBody(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error'));
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port, options.host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await apollo.stop();
    if (tokens) {
      detachTokenCache(database.dataSource);
      await tokens.stop();
    }
    throw portProblem(error as NodeJS.ErrnoException, options.host, options.port, 'PORT', 'the API cannot listen');
  }
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
      if (tokens) {
        detachTokenCache(database.dataSource);
        await tokens.stop();
      }
    },
  };
}

async function startTokenCache(database: Database, seconds: number): Promise<VerifiedTokenCache | null> {
  if (seconds === 0) return null;
  const { url } = database.dataSource.options as { url?: string };
  if (!url) throw new Error('the token cache needs the database URL to listen for revocations');
  const tokens = new VerifiedTokenCache(url, seconds * 1000);
  await tokens.start();
  attachTokenCache(database.dataSource, tokens);
  return tokens;
}
