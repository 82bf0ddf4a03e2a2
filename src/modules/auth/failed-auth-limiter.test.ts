import { describe, expect, it } from 'vitest';
import { FailedAuthLimiter } from './failed-auth-limiter';

describe('FailedAuthLimiter', () => {
  it('refuses an address after `limit` failures until its minute is over, and no other address', () => {
    let now = 1_000_000;
    const limiter = new FailedAuthLimiter(3, () => now);
    for (let failure = 0; failure < 3; failure += 1) {
      expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(0);
      limiter.noteFailure('10.0.0.1');
    }
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(60);
    expect(limiter.retryAfterSeconds('10.0.0.2')).toBe(0);
    now += 59_500;
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(1);
    now += 500;
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(0);
    limiter.noteFailure('10.0.0.1');
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(0);
  });

  it('keeps counting for at most ten thousand addresses, forgetting the oldest first', () => {
    const limiter = new FailedAuthLimiter(1, () => 0);
    for (let address = 0; address <= 10_000; address += 1) limiter.noteFailure(`a${address}`);
    expect(limiter.retryAfterSeconds('a0')).toBe(0);
    expect(limiter.retryAfterSeconds('a10000')).toBe(60);
  });
});
