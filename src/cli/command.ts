import fs from 'node:fs';
import os from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DATE_OR_DATE_TIME_EXAMPLES, parseDateOrDateTime } from '../common/dates';
import { ConfigError, loadConfig } from '../config';
import { connectDatabase, type ConnectedDatabase } from '../db/database';

/** Where a command writes, and the environment it reads: the process's, or a test's. */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: NodeJS.ProcessEnv;
}

export interface OutputStream {
  write(text: string): unknown;
  /** Set on a terminal: progress is then one line drawn over. */
  isTTY?: boolean;
}

/** The exit codes of `flowmap` (docs/cli.md). */
export enum ExitCode {
  OK = 0,
  /** Findings at or above --fail-on, an inventory file rejected, or the audit log broken. */
  FAILED_CHECK = 1,
  /** Bad arguments or environment, or arguments that name nothing in the registry. */
  USAGE = 2,
  /** Anything else: the database unreachable, a bug. */
  RUNTIME = 3,
}

/** The command line is wrong: the message says how, and the exit code is USAGE. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

export interface Command<O extends Options = Options> {
  name: string;
  /** One line, for `flowmap --help`. */
  summary: string;
  /** The text of `flowmap NAME --help`: usage line, then options. */
  help: string;
  options: O;
  /** How many positional arguments it takes. */
  positionals: number;
  run(args: Parsed<O>, io: CliIo): Promise<ExitCode>;
}

/** A command with its options' types worked out from its option table. */
export function defineCommand<const O extends Options>(command: Command<O>): Command {
  return command;
}

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/** Runs a command on its arguments: `--help` prints its help, bad arguments throw UsageError. */
export async function runCommand(command: Command, argv: string[], io: CliIo): Promise<ExitCode> {
  let args: Parsed<Options>;
  try {
    args = parseArgs({ args: argv, options: { ...command.options, ...HELP_OPTION }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (args.values.help) {
    io.stdout.write(command.help);
    return ExitCode.OK;
  }
  if (args.positionals.length !== command.positionals) {
    throw new UsageError(`${command.name} takes ${command.positionals === 0 ? 'no arguments' : `${command.positionals} argument(s)`}, got: ${args.positionals.join(' ') || 'none'}`);
  }
  return command.run(args, io);
}

/** Who the audit log names for what the CLI writes. */
export function cliActor(): string {
  let username: string;
  try {
    username = os.userInfo().username;
  } catch {
    // No passwd entry for this uid (some containers).
    username = `uid-${process.getuid?.() ?? 'unknown'}`;
  }
  return `cli:${username}`;
}

/** Connects as `npm start` does (DATABASE_URL, or the embedded PostgreSQL), does the work, disconnects. */
export async function withDatabase<T>(io: CliIo, work: (database: ConnectedDatabase) => Promise<T>): Promise<T> {
  const config = loadConfig(io.env);
  const notice = (message: string): void => void io.stderr.write(`flowmap: ${message}\n`);
  const database = await connectDatabase({ ...config, poolSize: 4, notice }).catch((error: unknown) => {
    // A missing audit key is the environment's fault, not the database's.
    if (error instanceof ConfigError) throw error;
    const where = config.databaseUrl ? 'DATABASE_URL' : `the embedded PostgreSQL in ${config.dataDir}`;
    throw new Error(`cannot use ${where}: ${error instanceof Error ? error.message : String(error)}`);
  });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** `text` into the file of --output, or else onto stdout (a binary file always has an --output). */
export function writeOutput(text: string | Buffer, output: string | undefined, io: CliIo): void {
  if (output === undefined) {
    io.stdout.write(text.toString());
    return;
  }
  fs.writeFileSync(output, text);
  io.stderr.write(`wrote ${output}\n`);
}

/** The value of --as-of, read as the GraphQL `asOf` arguments are; undefined means now. */
export function parseAsOf(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const instant = parseDateOrDateTime(value);
  if (instant === null) throw new UsageError(`--as-of: '${value}' is not ${DATE_OR_DATE_TIME_EXAMPLES}`);
  return instant;
}

/** A whole number option, or undefined when not given. */
export function parseWholeNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name}: '${value}' is not a whole number`);
  return Number(value);
}

/** An option that takes one of a few values; undefined when not given. */
export function parseChoice<T extends string>(name: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(`--${name}: '${value}' is not one of ${choices.join(', ')}`);
  return value as T;
}
