import type { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, FlowmapError } from './errors';

export function requestTimedOut(timeoutMs: number): FlowmapError {
  return new FlowmapError(
    ErrorCode.TIMEOUT,
    `the request took longer than ${timeoutMs} ms and was abandoned; a transaction of it still open then was rolled back`,
    { timeoutMs },
  );
}

/**
 * When a request is abandoned. Work that runs on the event loop (a walk of the whole data map)
 * cannot be cancelled from outside, so it asks here between steps and stops with TIMEOUT once the
 * request has been answered as timed out.
 */
export class RequestDeadline {
  /** `at` in epoch milliseconds; Infinity for work no request waits on (the CLI, the bench). */
  constructor(
    readonly at: number,
    readonly timeoutMs: number,
  ) {}

  static readonly NONE = new RequestDeadline(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);

  get passed(): boolean {
    return Date.now() >= this.at;
  }

  throwIfPassed(): void {
    if (this.passed) throw requestTimedOut(this.timeoutMs);
  }
}

type Transaction = (...args: unknown[]) => Promise<unknown>;

/**
 * The data source a request sees: every transaction it opens gets a PostgreSQL statement_timeout
 * of the time left, so a statement still running (or waiting for a lock) at the deadline is
 * cancelled, and a transaction that reaches its commit after the deadline rolls back instead.
 * Statements outside a transaction (the reads of loaders) are not cancelled: they run to their
 * end and their result is dropped.
 */
export function withDeadline(dataSource: DataSource, deadline: number, timeoutMs: number): DataSource {
  const transaction: Transaction = (...args) => {
    const work = args.pop() as (manager: EntityManager) => Promise<unknown>;
    return (dataSource.transaction as Transaction)(...args, async (manager: EntityManager) => {
      const left = Math.floor(deadline - Date.now());
      if (left <= 0) throw requestTimedOut(timeoutMs);
      await manager.query(`SET LOCAL statement_timeout = ${left}`);
      const result = await work(manager);
      if (Date.now() >= deadline) throw requestTimedOut(timeoutMs);
      return result;
    });
  };
  return new Proxy(dataSource, { get: (target, property) => (property === 'transaction' ? transaction : (Reflect.get(target, property) as unknown)) });
}
