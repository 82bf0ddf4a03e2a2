import path from 'node:path';

/** Everything Flowmap reads from the environment, validated once at start-up. */
export interface Config {
  /** A PostgreSQL server to use; when absent, an embedded PostgreSQL is started. */
  databaseUrl: string | null;
  /** Where the embedded PostgreSQL keeps its data. */
  dataDir: string;
  embeddedPort: number;
  host: string;
  port: number;
  /** The example inventory loaded into an empty database on first start; 'none' to skip. */
  exampleInventory: string;
  logLevel: string;
}

export class ConfigError extends Error {}

function readInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError(`${name} must be a port number, got '${raw}'`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || null,
    dataDir: path.resolve(env.FLOWMAP_DATA_DIR || '.data/postgres'),
    embeddedPort: readInteger(env, 'FLOWMAP_EMBEDDED_PG_PORT', 54329),
    host: env.HOST || '127.0.0.1',
    port: readInteger(env, 'PORT', 4000),
    exampleInventory: env.FLOWMAP_EXAMPLE || 'zkbio-entrance-2022',
    logLevel: env.LOG_LEVEL || 'info',
  };
}
