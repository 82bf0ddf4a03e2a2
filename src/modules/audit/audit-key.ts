import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';

/**
 * The secret that keys the audit chain and signs its checkpoints. It is kept out of the database
 * on purpose: whoever can write to the database but does not hold the key cannot make an entry
 * or a checkpoint that verifies.
 */
export interface AuditKey {
  readonly secret: KeyObject;
}

/** At least this many characters: a generated key is 43 (32 random bytes in base64url). */
export const AUDIT_KEY_MIN_LENGTH = 32;

export function auditKeyFrom(text: string): AuditKey {
  return { secret: createSecretKey(Buffer.from(text, 'utf8')) };
}

/** HMAC-SHA-256 of `text` under the key, in hex. */
export function keyedHash(key: AuditKey, text: string): string {
  return createHmac('sha256', key.secret).update(text).digest('hex');
}

/** A fresh key, as `flowmap` writes it for the embedded database. */
export function generateAuditKeyText(): string {
  return randomBytes(32).toString('base64url');
}

/** The file beside an embedded data directory that holds its audit key: `<dataDir>.audit-key`. */
export function auditKeyFileFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.audit-key`;
}

/**
 * The key in `file`, made (32 random bytes, mode 0600) when there is none. Written to a temporary
 * file and linked into place, so two processes starting together agree on one key and neither
 * reads half a file.
 */
export function loadOrCreateAuditKeyFile(file: string): AuditKey {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(temporary, `${generateAuditKeyText()}\n`, { mode: 0o600, flag: 'wx' });
    try {
      fs.linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  }
  const mode = fs.statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) throw new Error(`${file} can be read by others (mode ${mode.toString(8)}): make it 0600`);
  const text = fs.readFileSync(file, 'utf8').trim();
  if (text.length < AUDIT_KEY_MIN_LENGTH) throw new Error(`${file} does not hold an audit key of at least ${AUDIT_KEY_MIN_LENGTH} characters`);
  return auditKeyFrom(text);
}

// The key travels with the connection pool it was configured for, so that every writer of the
// log (registry, persons, tokens, the CLI) uses it without each one being handed it.
const keys = new WeakMap<DataSource, AuditKey>();

export function bindAuditKey(dataSource: DataSource, key: AuditKey): void {
  keys.set(dataSource, key);
}

export function auditKeyOf(dataSource: DataSource): AuditKey {
  // A request's data source may be a proxy of the pool's (with its deadline): its manager's
  // connection is the pool's own.
  const key = keys.get(dataSource) ?? keys.get(dataSource.manager.connection);
  if (!key) throw new Error('this database connection was opened without an audit key');
  return key;
}
