import 'reflect-metadata';
import { DataSource, type Logger } from 'typeorm';
import { types, type Pool } from 'pg';
import { SnakeNamingStrategy } from './snake-naming-strategy';
import { ENTITIES } from './entities';

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

export async function openDatabase(url: string, options: { poolSize?: number } = {}): Promise<Database> {
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
    extra: { max: options.poolSize ?? 20 },
  });
  await dataSource.initialize();
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  return { dataSource, pool, statements };
}
