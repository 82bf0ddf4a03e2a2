import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, estimatedSecretBits, loadConfig } from './config';

const withAdminToken = (secret: string) => () => loadConfig({ FLOWMAP_ADMIN_TOKEN: secret });

describe('FLOWMAP_ADMIN_TOKEN', () => {
  it('accepts a random secret such as the README makes, and a 32-character hex one', () => {
    const secret = `fm_${randomBytes(32).toString('base64url')}`;
    expect(loadConfig({ FLOWMAP_ADMIN_TOKEN: secret }).adminToken).toBe(secret);
    expect(loadConfig({ FLOWMAP_ADMIN_TOKEN: `fm_${randomBytes(16).toString('hex')}` }).adminToken).toMatch(/^fm_[0-9a-f]{32}$/);
  });

  it('refuses a secret below 128 bits at start, without repeating it', () => {
    for (const secret of [`fm_${'A'.repeat(64)}`, `fm_${'abc'.repeat(20)}`, `fm_${'0123456789'.repeat(3)}01234567`]) {
      expect(withAdminToken(secret)).toThrow(ConfigError);
      expect(withAdminToken(secret)).toThrow(/^FLOWMAP_ADMIN_TOKEN is too guessable: about \d+ bits, at least 128 needed/);
      try {
        withAdminToken(secret)();
      } catch (error) {
        expect((error as Error).message).not.toContain(secret.slice(3));
      }
    }
  });

  it('estimates length x log2 of the alphabet used', () => {
    expect(estimatedSecretBits(`fm_${'a'.repeat(40)}`)).toBe(0);
    expect(Math.round(estimatedSecretBits('fm_0123456789012345678901234567890123456789'))).toBe(133);
    expect(Math.round(estimatedSecretBits('fm_abcdefghijklmnopqrstuvwxyzabcdef'))).toBe(150);
  });
});

describe('FLOWMAP_AUTH_FAILURES_PER_MINUTE', () => {
  it('defaults to 20, takes 0 for no limit, and refuses what is not a count', () => {
    expect(loadConfig({}).authFailuresPerMinute).toBe(20);
    expect(loadConfig({ FLOWMAP_AUTH_FAILURES_PER_MINUTE: '0' }).authFailuresPerMinute).toBe(0);
    expect(() => loadConfig({ FLOWMAP_AUTH_FAILURES_PER_MINUTE: '-1' })).toThrow(/FLOWMAP_AUTH_FAILURES_PER_MINUTE must be/);
  });
});

describe('FLOWMAP_TRUSTED_DOCUMENTS', () => {
  it('is off when unset, and a file that cannot be read stops the start-up naming the variable', () => {
    expect(loadConfig({}).trustedDocuments).toBeNull();
    expect(() => loadConfig({ FLOWMAP_TRUSTED_DOCUMENTS: '/nonexistent/manifest.json' })).toThrow(ConfigError);
    expect(() => loadConfig({ FLOWMAP_TRUSTED_DOCUMENTS: '/nonexistent/manifest.json' })).toThrow(/^FLOWMAP_TRUSTED_DOCUMENTS \(\/nonexistent\/manifest.json\): cannot read it/);
  });
});
