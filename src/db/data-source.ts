import 'reflect-metadata';
import { DataSource, type Logger } from 'typeorm';
import { types, type Pool } from 'pg';
import { SnakeNamingStrategy } from './snake-naming-strategy';
import { ENTITIES } from './entities';
import { bindAuditKey, type AuditKey } from '../modules/audit/audit-key';

/**
 * The role every request runs under (made by migration 0013): it may append to the audit log and
 * read it, and change nothing else there; it owns no table, so it cannot alter one or disable a
 * trigger.
 */
export const SERVER_ROLE = 'flowmap_server';

// Calendar dates stay 'YYYY-MM-DD' strings: a Date would shift them by the server's time zone.
types.setTypeParser(types.builtins.DATE, (value) => value);

/** Counts SQL statements, so tests can prove that relations load in batches (no N+1). */
export class StatementCounter implements Logger {
  count = 0;
  logQuery(): void {
    this.count += 1;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

export interface Database {
  dataSource: DataSource;
  pool: Pool;
  statements: StatementCounter;
}

/**
 * A connection pool whose every connection runs as `role` (SERVER_ROLE unless null), set in the
 * connection's start-up parameters so that no query ever runs before it. The migrations must have
 * run: before them the role may not exist.
 */
export async function openDatabase(url: string, options: { poolSize?: number; auditKey: AuditKey; role?: string | null }): Promise<Database> {
  const role = options.role === undefined ? SERVER_ROLE : options.role;
  const statements = new StatementCounter();
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: ['query'],
    logger: statements,
    extra: { max: options.poolSize ?? 20, ...(role ? { options: `-c role=${role}` } : {}) },
  });
  bindAuditKey(dataSource, options.auditKey);
  await dataSource.initialize();
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  return { dataSource, pool, statements };
}
