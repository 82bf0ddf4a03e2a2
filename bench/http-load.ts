import http from 'node:http';
import { msSince, summariseLatencies, type LatencySummary } from './stats';

export interface HttpAnswer {
  status: number;
  body: string;
}

/**
 * POSTs GraphQL requests over keep-alive connections with node:http, which costs the client far
 * less CPU per request than fetch: client and server share this machine's two cores, and every
 * cycle the client spends is one the server does not get.
 */
export class GraphQLHttpClient {
  private readonly agent: http.Agent;
  private readonly target: URL;

  constructor(url: string, private readonly token: string, maxSockets = 32) {
    this.target = new URL(url);
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  post(query: string, variables?: Record<string, unknown>): Promise<HttpAnswer> {
    return this.send(JSON.stringify({ query, variables }));
  }

  /**
   * A keep-alive socket the server closed while idle (its keepAliveTimeout, 5 s by default) is seen
   * as closed only once this process's event loop runs; a phase that kept the loop busy longer (the
   * in-process whole-map questions) then writes its next request onto a dead socket and gets
   * ECONNRESET ("socket hang up"). Such a request never reached the server, so it is sent again
   * once, on a fresh socket, as Node's documentation of `request.reusedSocket` advises.
   */
  send(body: string): Promise<HttpAnswer> {
    return this.sendOnce(body).catch((error: unknown) => {
      if (error instanceof StaleSocketError) return this.sendOnce(body);
      throw error;
    });
  }

  private sendOnce(body: string): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          agent: this.agent,
          host: this.target.hostname,
          port: this.target.port,
          path: this.target.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json, application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${this.token}`,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          response.on('error', reject);
        },
      );
      request.on('error', (error: NodeJS.ErrnoException) => {
        reject(request.reusedSocket && error.code === 'ECONNRESET' ? new StaleSocketError(error.message) : error);
      });
      request.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A request written onto a kept-alive socket that the server had already closed. */
class StaleSocketError extends Error {}

/** GET a URL once; resolves with the status, or rejects when nothing answers. */
export function getStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.setTimeout(2_000, () => request.destroy(new Error('timeout')));
  });
}

export interface LoadRun extends LatencySummary {
  concurrency: number;
  /** The first few error messages, for the report. */
  errorSamples: string[];
}

/**
 * Runs `requests` calls of `call(i)` with at most `concurrency` in flight, timing each from just
 * before it is sent to its answer having been checked. A call that throws counts as an error
 * (and its latency is not counted). No call starts after `maxSeconds`: a regression makes the run
 * shorter, not endless.
 */
export async function runLoad(requests: number, concurrency: number, call: (index: number) => Promise<void>, maxSeconds = Infinity): Promise<LoadRun> {
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let next = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.min(maxSeconds, 1e6) * 1e9);
  const worker = async (): Promise<void> => {
    for (let index = next++; index < requests && process.hrtime.bigint() < deadline; index = next++) {
      const sent = process.hrtime.bigint();
      try {
        await call(index);
        latencies.push(msSince(sent));
      } catch (error) {
        errors += 1;
        if (errorSamples.length < 5) errorSamples.push(error instanceof Error ? error.message : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, worker));
  const seconds = msSince(started) / 1000;
  return { ...summariseLatencies(latencies, errors, seconds), concurrency, errorSamples };
}
