import type { EntityManager } from 'typeorm';
import type { ProblemList } from '../../common/errors';
import type { KeyedTable } from './key-lookup';

/**
 * One kind of thing in the data map (party, data category, ...) as the registry stores it: how to
 * read it as an entry, check an entry, write one and find what refers to it. The services and the
 * inventory import both go through these, so a file import and an API call validate alike.
 */
export interface RegistryKind<Entry extends { key: string }> {
  /** Table name, also the audit log's entity type. */
  table: KeyedTable;
  /** How a person calls one, for messages: 'party', 'data category'. */
  label: string;
  /** Entries by id; all of them when `ids` is omitted. */
  readEntries(manager: EntityManager, ids?: string[]): Promise<Map<string, Entry>>;
  /** Adds every problem of `entry` to `context.problems`, with field paths under `context.at`. */
  validate(manager: EntityManager, entry: Entry, context: ValidationContext): Promise<void>;
  /** Inserts (existingId null) or replaces the row and its links; returns the id. */
  write(manager: EntityManager, entry: Entry, existingId: string | null): Promise<string>;
  /** Human descriptions of what still refers to this row ("flow 'x'"), empty when nothing does. */
  referrers(manager: EntityManager, id: string): Promise<string[]>;
}

export interface ValidationContext {
  problems: ProblemList;
  /** Path prefix of the entry in the input, e.g. 'input' or 'parties[3]'. */
  at: string;
  /** Id of the row being replaced, null for a new one. */
  existingId: string | null;
  /**
   * Checks that need rows of other kinds as they will be once a batch is written (an activity's
   * categories against its flows) are left to the batch, which runs them at its end.
   */
  deferCrossChecks?: boolean;
}
