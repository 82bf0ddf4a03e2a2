/** Failed authentications one client address may make per window before it is refused. */
export const DEFAULT_AUTH_FAILURES_PER_MINUTE = 20;

const WINDOW_MS = 60_000;

/** Past this many addresses, windows that ended are dropped, then the oldest: memory stays bounded whoever calls. */
const MAX_ADDRESSES = 10_000;

/**
 * Counts the failed authentications of each client address in windows of a minute: an address
 * that failed `limit` times is refused (429) until its window ends, whatever token it sends, so a
 * guesser learns nothing more from the answers. Kept per server process: a guess costs no
 * database round trip to count, and each process of a deployment allows `limit` on its own.
 */
export class FailedAuthLimiter {
  private readonly windows = new Map<string, { started: number; failures: number }>();

  constructor(
    private readonly limit: number,
    private readonly now: () => number = Date.now,
    private readonly windowMs: number = WINDOW_MS,
  ) {}

  /** Seconds until `address` may try again (for Retry-After), or 0 when it may now. */
  retryAfterSeconds(address: string): number {
    const window = this.windowOf(address);
    if (!window || window.failures < this.limit) return 0;
    return Math.max(1, Math.ceil((window.started + this.windowMs - this.now()) / 1000));
  }

  noteFailure(address: string): void {
    const window = this.windowOf(address);
    if (window) {
      window.failures += 1;
      return;
    }
    if (this.windows.size >= MAX_ADDRESSES) this.dropOldWindows();
    this.windows.set(address, { started: this.now(), failures: 1 });
  }

  private windowOf(address: string): { started: number; failures: number } | undefined {
    const window = this.windows.get(address);
    if (window && this.now() - window.started >= this.windowMs) {
      this.windows.delete(address);
      return undefined;
    }
    return window;
  }

  private dropOldWindows(): void {
    for (const [address, window] of this.windows) if (this.now() - window.started >= this.windowMs) this.windows.delete(address);
    // Insertion order is age order: the oldest go first.
    for (const address of this.windows.keys()) {
      if (this.windows.size < MAX_ADDRESSES) break;
      this.windows.delete(address);
    }
  }
}
