import fc from 'fast-check';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/modules/auth/role';
import { CREATE, makeActivity, makeCategory, makeFlow, makeParty, makeSubject } from './support/factories';
import { rowCounts } from './support/row-counts';
import { startTestServer, type TestServer } from './support/test-server';

const SEED = 20_261_123;
const REQUESTS = 10_000;
const CONCURRENCY = 8;

let api: TestServer;
let viewerToken: string;
const unhandled: unknown[] = [];
const onUnhandledRejection = (reason: unknown): void => void unhandled.push(reason);

interface HostileRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: (() => string) | null;
}

/** Real operations, read and write: the fuzz token is a VIEWER, so every write is refused. */
const OPERATIONS = [
  '{ parties(first: 5) { nodes { key name countries { code } outboundFlows { key to { key } } } totalCount } }',
  'query($first: Int, $after: String) { flows(first: $first, after: $after) { nodes { key crossesBorder mechanism } pageInfo { endCursor } } }',
  'query($key: String) { party(key: $key) { key inboundFlows { key } } }',
  '{ findings { totalCount nodes { ruleId severity } } crossBorderTransfers { nodes { flowKey lawful } } rules { id } }',
  'query($profile: SubjectProfileInput!, $maxDepth: Int) { profileDataFlows(profile: $profile, maxDepth: $maxDepth) { hops { flowKey } } }',
  '{ persons { nodes { externalId dateOfBirth } } person(externalId: "fuzz-person") { externalId } }',
  '{ auditLog { nodes { seq actor } } verifyAuditLog { valid } apiTokens { name } }',
  'mutation($input: CreatePartyInput!) { createParty(input: $input) { key } }',
  'mutation { deleteParty(key: "acme") { key } }',
  'mutation($persons: [PersonInput!]!) { bulkUpsertPersons(persons: $persons) { inserted } }',
  'mutation { createApiToken(name: "fuzz", role: ADMIN) { secret } }',
  'mutation($file: String!) { importInventory(file: $file) { applied } }',
  '{ __schema { types { name fields { name type { name ofType { name } } } } } }',
];

const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom('\u0000', '\uFFFF', '\uD800', '\u202E', '𝕱𝖑𝖔𝖜', 'Ω≈ç√∫', '🏳️‍🌈'.repeat(50), '\r\n', '"', '\\', '{"', '{{{', 'null'),
);

const document = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...OPERATIONS) },
  // Valid operations with a character dropped, doubled or replaced.
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...OPERATIONS), fc.nat(), fc.constantFrom('', '{', '}', '(', '$', '"', '...', '@', '\u0000', 'é'))
      .map(([operation, at, insert]) => operation.slice(0, at % operation.length) + insert + operation.slice((at % operation.length) + 1)),
  },
  { weight: 2, arbitrary: oddText },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 4_000 }).map((depth) => `${'{ parties { nodes { outboundFlows '.repeat(1)}${'{ to '.repeat(depth)}{ key }${' }'.repeat(depth + 3)}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 6_000 }).map((count) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: __typename`).join(' ')} }`) },
  { weight: 1, arbitrary: fc.integer({ min: 2, max: 40 }).map((levels) => `{ ...f0 } ${Array.from({ length: levels }, (_, level) => `fragment f${level} on Query { a: countries { code } ...f${level + 1} ...f${level + 1} }`).join(' ')} fragment f${levels} on Query { __typename }`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3_000 }).map((depth) => `{ ${'... on Query { '.repeat(depth)}__typename${' }'.repeat(depth)} }`) },
  { weight: 1, arbitrary: fc.constantFrom('{ __typename } { __typename }', 'query A { __typename } query A { __typename }', 'subscription { x }', 'fragment f on Query { ...f } { ...f }', '') },
);

/** Bodies are built when sent: ten thousand of them, some megabytes each, would not fit in memory at once. */
type Text = () => string;
const text = (value: string): Text => () => value;

/** Variables as JSON text, right, wrong or hostile. */
const variables: fc.Arbitrary<Text> = fc.oneof(
  fc.constant(text('null')),
  fc.jsonValue({ maxDepth: 3 }).map((value) => text(JSON.stringify(value))),
  fc.record({ first: fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.double()), after: oddText, key: oddText }).map((value) => text(JSON.stringify(value))),
  fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.constant(makeParty({ key: 'fuzzed' }))).map((input) => text(JSON.stringify({ input }))),
  fc.record({ profile: fc.jsonValue({ maxDepth: 3 }), maxDepth: fc.oneof(fc.integer(), fc.string()) }).map((value) => text(JSON.stringify(value))),
  fc.integer({ min: 1, max: 12_000 }).map((size) => () =>
    JSON.stringify({ persons: Array.from({ length: size }, (_, index) => ({ externalId: `p${index}`, countryOfResidence: 'DE', subjectCategories: [] })) }),
  ),
  fc.integer({ min: 1, max: 100_000 }).map((depth) => () => `{"file": ${'['.repeat(depth)}${']'.repeat(depth)}}`),
  fc.string({ unit: 'binary', maxLength: 20_000 }).map((file) => text(JSON.stringify({ file }))),
);

const graphqlBody: fc.Arbitrary<Text> = fc
  .record({ query: document, variables, operationName: fc.option(fc.oneof(fc.constant('A'), oddText), { nil: undefined }) })
  .map(({ query, variables: variablesText, operationName }) => () =>
    `{"query": ${JSON.stringify(query)}, "variables": ${variablesText()}${operationName === undefined ? '' : `, "operationName": ${JSON.stringify(operationName)}`}}`,
  );

// ---- Inputs that once reached PostgreSQL or graphql-js's executor and came back as internal errors:
// ids that are no UUID, NUL characters and lone surrogates in text and cursors, subscriptions,
// persisted queries with wrong hashes or versions. Every answer to them must carry a client code.
const TRUST_OPERATIONS = [
  'query($id: ID) { party(id: $id) { key } flow(id: $id) { key } activity(id: $id) { key } dataCategory(id: $id) { key } subjectCategory(id: $id) { key } }',
  'query($key: String, $after: String) { party(key: $key) { key } parties(after: $after) { totalCount } flows(after: $after, first: 2) { pageInfo { endCursor } } }',
  'query($after: String) { findings(after: $after) { totalCount } crossBorderTransfers(after: $after) { totalCount } }',
  '{ party(id: "\\u0000") { key } }',
  '{ party(key: "acme\\u0000") { key } }',
  'mutation($id: ID!) { revokeApiToken(id: $id) { id } }',
  'subscription { parties { totalCount } }',
  'subscription S { __typename } query Q { __typename }',
];

const trustText = fc.oneof(
  fc.constantFrom('\u0000', 'acme\u0000', '\uD800', 'x\uDFFF', '\uDBFF\uDC00', '', 'not-a-uuid', '1', '00000000-0000-4000-8000-000000000000', '00000000-0000-4000-8000-00000000000\u0000'),
  fc.string({ unit: 'binary', maxLength: 40 }).map((value) => `${value}\u0000`),
  fc.string({ unit: 'binary', maxLength: 40 }),
  // Cursors whose base64 decodes to a NUL or to bytes that are not UTF-8.
  fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.uint8Array({ maxLength: 20 }).map((bytes) => Buffer.from(bytes).toString('latin1'))).map((value) => Buffer.from(value, 'latin1').toString('base64url')),
);

const persistedQuery = fc.oneof(
  fc.record({ version: fc.constant(1), sha256Hash: fc.stringMatching(/^[0-9a-f]{64}$/) }),
  fc.record({ version: fc.oneof(fc.constant(1), fc.jsonValue({ maxDepth: 1 })), sha256Hash: fc.jsonValue({ maxDepth: 1 }) }),
  fc.jsonValue({ maxDepth: 2 }),
);

const trustBody: fc.Arbitrary<Text> = fc.oneof(
  fc
    .record({ query: fc.constantFrom(...TRUST_OPERATIONS), id: trustText, key: trustText, after: trustText })
    .map(({ query, ...values }) => text(JSON.stringify({ query, variables: values }))),
  fc
    .record({ query: fc.option(fc.constantFrom(...TRUST_OPERATIONS, '{ __typename }'), { nil: undefined }), persistedQuery })
    .map(({ query, persistedQuery: extension }) => text(JSON.stringify({ query, extensions: { persistedQuery: extension } }))),
);
// ---- end of the trust inputs

const body: fc.Arbitrary<Text> = fc.oneof(
  { weight: 10, arbitrary: graphqlBody },
  { weight: 2, arbitrary: fc.array(graphqlBody, { maxLength: 14 }).map((batch) => () => `[${batch.map((operation) => operation()).join(',')}]`) },
  { weight: 2, arbitrary: oddText.map(text) },
  { weight: 1, arbitrary: graphqlBody.map((json) => () => json().slice(0, Math.floor(json().length / 2))) },
  { weight: 1, arbitrary: fc.constantFrom('null', '[]', '{}', '"query"', '1e999', '{"query": {"nested": true}}', '{"query": "{ __typename }", "variables": "nope"}', '{"__proto__": {"query": 1}}').map(text) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }).map((extra) => () => `{"query": "{ __typename }", "pad": "${'x'.repeat(1024 * 1024 + extra)}"}`) },
  { weight: 3, arbitrary: trustBody },
);

const token = (viewer: string) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(`Bearer ${viewer}`) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom('Bearer fm_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'Bearer', 'Basic Zm9vOmJhcg==', `Bearer ${viewer}x`, `bearer  ${viewer}`, viewer) },
  );

const printable = fc.string({ unit: fc.constantFrom(...' abcdefghijklmnopqrstuvwxyz/;=+-*,.0123456789'.split('')), maxLength: 40 });

/** Percent-encoded; lone surrogates (which encodeURIComponent refuses) become U+FFFD. */
function uriComponent(value: string): string {
  return encodeURIComponent(Buffer.from(value).toString());
}

function hostileRequest(viewer: string): fc.Arbitrary<HostileRequest> {
  return fc
    .record({
      method: fc.oneof(
        { weight: 8, arbitrary: fc.constant('POST') },
        { weight: 2, arbitrary: fc.constant('GET') },
        { weight: 1, arbitrary: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND', 'BREW') },
      ),
      path: fc.oneof(
        { weight: 10, arbitrary: fc.constant('/graphql') },
        { weight: 2, arbitrary: fc.tuple(document, fc.jsonValue({ maxDepth: 2 })).map(([query, vars]) => `/graphql?query=${uriComponent(query)}&variables=${uriComponent(JSON.stringify(vars) ?? '')}`) },
        { weight: 1, arbitrary: fc.constantFrom('/', '/healthz', '/readyz', '/graphql/', '/GRAPHQL', '/graphql/../healthz', '/graphql?query', '/%00', '/graphql?query=%E0%A4%A') },
        { weight: 1, arbitrary: fc.webPath().map((path) => encodeURI(Buffer.from(path || '/').toString())) },
      ),
      contentType: fc.oneof(
        { weight: 8, arbitrary: fc.constant('application/json') },
        {
          weight: 3,
          arbitrary: fc.constantFrom('application/json; charset=utf-16', 'application/graphql-response+json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/graphql', ''),
        },
        { weight: 1, arbitrary: printable },
      ),
      authorization: token(viewer),
      preflight: fc.boolean(),
      accept: fc.constantFrom(undefined, '*/*', 'application/graphql-response+json', 'text/html', 'multipart/mixed; deferSpec=20220824', 'application/xml'),
      origin: fc.constantFrom(undefined, 'https://evil.example', 'null'),
      body: fc.option(body, { freq: 8, nil: null }),
    })
    .map(({ method, path, contentType, authorization, preflight, accept, origin, body }) => {
      const headers: Record<string, string> = { 'content-type': contentType };
      if (authorization) headers.authorization = authorization;
      if (preflight) headers['apollo-require-preflight'] = 'true';
      if (accept) headers.accept = accept;
      if (origin) headers.origin = origin;
      return { method, path, headers, body: method === 'GET' || method === 'HEAD' ? null : body };
    });
}

/** The status, or the socket's failure; a body naming INTERNAL_SERVER_ERROR is noted in `internal`. */
function send(agent: http.Agent, base: URL, request: HostileRequest, internal: string[]): Promise<string> {
  const body = request.body?.() ?? null;
  // Node's client frames a body of GET, DELETE, OPTIONS... only with an explicit content-length.
  const headers = body === null ? request.headers : { ...request.headers, 'content-length': String(Buffer.byteLength(body)) };
  return new Promise((resolve) => {
    const outgoing = http.request({ agent, host: base.hostname, port: base.port, method: request.method, path: request.path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        if (Buffer.concat(chunks).includes('INTERNAL_SERVER_ERROR')) internal.push(`${request.method} ${request.path.slice(0, 200)} ${(body ?? '').slice(0, 300)}`);
        resolve(String(response.statusCode));
      });
      response.on('error', () => resolve('response error'));
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => resolve(`socket error ${error.code ?? error.message}`));
    outgoing.end(body ?? undefined);
  });
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandledRejection);
  // Without a limit: the hostile tokens would soon get every request of the run a 429.
  api = await startTestServer({ authFailuresPerMinute: 0 });
  await api.graphql(CREATE.party, { input: makeParty() });
  await api.graphql(CREATE.party, { input: makeParty({ key: 'cloud', name: 'Cloud', kind: 'PROCESSOR', countries: ['US'] }) });
  await api.graphql(CREATE.category, { input: makeCategory({ key: 'contact', name: 'Contact' }) });
  await api.graphql(CREATE.category, { input: makeCategory({ parent: 'contact' }) });
  await api.graphql(CREATE.subject, { input: makeSubject() });
  await api.graphql(CREATE.activity, { input: makeActivity() });
  await api.graphql(CREATE.flow, { input: makeFlow() });
  await api.graphql('mutation { upsertPerson(input: { externalId: "fuzz-person", countryOfResidence: "DE", subjectCategories: ["app-user"] }) { inserted } }');
  viewerToken = (await api.as(Role.VIEWER)).token!;
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandledRejection);
  await api?.stop();
});

describe(`${REQUESTS} hostile requests`, () => {
  // Bounded by the number of requests, not by a time budget: on a loaded machine it just takes longer.
  it('get no 5xx and no INTERNAL_SERVER_ERROR, crash nothing, change nothing, and leave the server answering', { timeout: 0 }, async () => {
    const requests = fc.sample(hostileRequest(viewerToken), { seed: SEED, numRuns: REQUESTS });
    const before = await rowCounts(api.database.dataSource);
    const base = new URL(api.url);
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const outcomes = new Map<string, number>();
    const internal: string[] = [];
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const outcome = await send(agent, base, requests[next++], internal);
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        }
      }),
    );
    agent.destroy();
    const byOutcome = Object.fromEntries([...outcomes].sort(([a], [b]) => a.localeCompare(b)));
    process.stdout.write(`fuzz: ${REQUESTS} requests (seed ${SEED}) in ${Date.now() - started} ms; outcomes ${JSON.stringify(byOutcome)}\n`);

    expect(Object.keys(byOutcome).filter((outcome) => !/^[1-4]\d\d$/.test(outcome))).toEqual([]);
    expect(internal.slice(0, 10)).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(await rowCounts(api.database.dataSource)).toEqual(before);
    const after = await api.graphql<{ parties: { totalCount: number } }>('{ parties { totalCount } }');
    expect(after.data).toEqual({ parties: { totalCount: 2 } });
    expect((await fetch(api.url.replace('/graphql', '/readyz'))).status).toBe(200);
  });
});
