import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { Caller } from '../../context';

/**
 * Notified by the api_token table's own trigger whenever a token is revoked, changed or deleted,
 * by whatever path (see migrations/20261202_0012_token_notify.sql); PostgreSQL delivers it on commit.
 */
export const TOKEN_REVOKED_CHANNEL = 'flowmap_api_token_revoked';

const RECONNECT_MS = 1_000;

/** Half the precision of `lastUsedAt`, so that a token in use is still looked up often enough to keep it. */
export const DEFAULT_TOKEN_CACHE_SECONDS = 30;

/**
 * Remembers the callers of verified token hashes for a short while, so that a request costs no
 * token look-up. Correct only while it hears every revocation: it listens for TOKEN_REVOKED_CHANNEL
 * on a connection of its own and forgets everything when one arrives; while that connection is
 * down it remembers nothing (every request looks its token up, as without a cache). `ttlMs` bounds
 * an entry's life whatever happens, and keeps `lastUsedAt` within its precision.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, { caller: Caller; until: number }>();
  /**
   * Moves on with every forgetAll. A caller notes it before looking a token up and passes it to
   * remember: a look-up that raced a revocation is then not remembered.
   */
  generation = 0;
  private client: Client | null = null;
  private listening = false;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connectionString: string,
    private readonly ttlMs: number,
  ) {}

  /** The caller of a hash verified less than ttlMs ago and not revoked since; else undefined. */
  get(hash: string): Caller | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (entry.until > Date.now()) return entry.caller;
    this.entries.delete(hash);
    return undefined;
  }

  remember(hash: string, caller: Caller, generationBeforeLookUp: number): void {
    if (this.listening && generationBeforeLookUp === this.generation) this.entries.set(hash, { caller, until: Date.now() + this.ttlMs });
  }

  /** Forgets every entry: on a revocation heard, and by the instance that revoked, on commit. */
  forgetAll(): void {
    this.generation += 1;
    this.entries.clear();
  }

  /** Starts listening; resolves once the first LISTEN is in place (or failed: it retries). */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.listening = false;
    this.forgetAll();
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.connectionString });
    const lost = (): void => {
      if (this.client !== client) return;
      this.listening = false;
      this.forgetAll();
      this.client = null;
      client.end().catch(() => undefined);
      if (!this.stopped) this.reconnectTimer = setTimeout(() => void this.connect(), RECONNECT_MS);
    };
    this.client = client;
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', () => this.forgetAll());
    try {
      await client.connect();
      await client.query(`LISTEN ${TOKEN_REVOKED_CHANNEL}`);
      if (this.client === client) this.listening = true;
    } catch {
      lost();
    }
  }
}

/** Per database (see engineView): the cache its server keeps, if any. */
const caches = new WeakMap<DataSource['driver'], VerifiedTokenCache>();

export function attachTokenCache(dataSource: DataSource, cache: VerifiedTokenCache): void {
  caches.set(dataSource.driver, cache);
}

export function detachTokenCache(dataSource: DataSource): void {
  caches.delete(dataSource.driver);
}

export function tokenCacheOf(dataSource: DataSource): VerifiedTokenCache | undefined {
  return caches.get(dataSource.driver);
}
