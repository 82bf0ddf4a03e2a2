import type { DataSource } from 'typeorm';
import { MAX_PERSONS_PER_BATCH } from '../src/modules/person/person.store';
import { upsertPersons } from '../src/modules/person/person.service';
import type { PersonGenerator } from './generate-persons';
import { percentile } from './stats';

export interface PersonLoad {
  persons: number;
  consents: number;
  subjectLinks: number;
  batches: number;
  batchSize: number;
  concurrency: number;
  /** Wall time of the whole load, making the batches included. */
  seconds: number;
  /** Of which, making the batches in this process (it overlaps the database's work when concurrency > 1). */
  generateSeconds: number;
  personRowsPerSecond: number;
  consentRowsPerSecond: number;
  totalRowsPerSecond: number;
  batchP50Ms: number;
  batchMaxMs: number;
}

export interface PersonLoadOptions {
  total: number;
  batchSize?: number;
  /** Batches written at once, each its own transaction. */
  concurrency?: number;
  actor?: string;
  onProgress?: (written: number, total: number) => void;
}

/**
 * Writes the persons and their consents through the product's own bulk path (upsertPersons: the
 * same validation, set-based writes and audit entry as the bulkUpsertPersons mutation and the
 * inventory import), in batches of at most MAX_PERSONS_PER_BATCH, a few at a time.
 */
export async function loadPersons(dataSource: DataSource, generator: PersonGenerator, options: PersonLoadOptions): Promise<PersonLoad> {
  const batchSize = Math.min(options.batchSize ?? MAX_PERSONS_PER_BATCH, MAX_PERSONS_PER_BATCH);
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const batches = Math.ceil(options.total / batchSize);
  const batchMs: number[] = [];
  let next = 0;
  let written = 0;
  let consents = 0;
  let subjectLinks = 0;
  let generateNs = 0n;
  const started = process.hrtime.bigint();

  const worker = async (): Promise<void> => {
    for (let batch = next++; batch < batches; batch = next++) {
      const start = batch * batchSize;
      const generating = process.hrtime.bigint();
      const entries = generator.batch(start, Math.min(batchSize, options.total - start));
      generateNs += process.hrtime.bigint() - generating;
      const writing = process.hrtime.bigint();
      const counts = await upsertPersons(dataSource, options.actor ?? 'flowmap-bench', entries, 'persons');
      batchMs.push(Number(process.hrtime.bigint() - writing) / 1e6);
      written += entries.length;
      consents += counts.consents;
      subjectLinks += entries.reduce((sum, entry) => sum + new Set(entry.subjectCategories).size, 0);
      options.onProgress?.(written, options.total);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batches) }, worker));

  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    persons: written,
    consents,
    subjectLinks,
    batches,
    batchSize,
    concurrency,
    seconds,
    generateSeconds: Number(generateNs) / 1e9,
    personRowsPerSecond: written / seconds,
    consentRowsPerSecond: consents / seconds,
    totalRowsPerSecond: (written + consents) / seconds,
    batchP50Ms: percentile(batchMs, 50),
    batchMaxMs: batchMs.reduce((max, value) => Math.max(max, value), 0),
  };
}
