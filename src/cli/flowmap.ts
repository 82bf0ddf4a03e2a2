import 'reflect-metadata';
import { ErrorCode, FlowmapError } from '../common/errors';
import { describeStartupFailure } from '../common/startup-error';
import { ConfigError } from '../config';
import { auditCommand } from './audit-command';
import { ExitCode, runCommand, UsageError, type CliIo } from './command';
import { expiringCommand } from './expiring-command';
import { exportCommand } from './export-command';
import { findingsCommand } from './findings-command';
import { flowsCommand } from './flows-command';
import { importCommand } from './import-command';
import { ropaCommand, transfersCommand } from './report-commands';
import { serveCommand } from './serve';

const COMMANDS = [serveCommand, importCommand, exportCommand, flowsCommand, findingsCommand, ropaCommand, transfersCommand, expiringCommand, auditCommand];

const HELP = `Usage: flowmap COMMAND [options]      flowmap COMMAND --help for its options

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`).join('\n')}

The commands other than serve talk to the database directly: DATABASE_URL, or else the embedded
PostgreSQL in FLOWMAP_DATA_DIR (default .data/postgres), shared with a running \`flowmap serve\`.
What they write is recorded in the audit log as cli:<os user name>. See docs/cli.md.

Exit codes:
  0  ok
  1  findings at or above --fail-on, an inventory file rejected, or the audit log broken
  2  usage error: bad arguments or environment, or arguments that name nothing in the registry
  3  runtime failure, e.g. the database unreachable
`;

/** Errors the person at the keyboard can fix by asking differently. */
function isUsageError(error: unknown): error is Error {
  return (
    error instanceof UsageError ||
    error instanceof ConfigError ||
    (error instanceof FlowmapError && [ErrorCode.BAD_USER_INPUT, ErrorCode.NOT_FOUND].includes(error.extensions.code as ErrorCode))
  );
}

/** Runs `flowmap` on its arguments (without `node` and the script) and returns the exit code; writes only to `io`. */
export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(HELP);
    return ExitCode.OK;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`flowmap: ${name === undefined ? 'no command given' : `unknown command '${name}'`}\n\n${HELP}`);
    return ExitCode.USAGE;
  }
  try {
    return await runCommand(command, rest, io);
  } catch (error) {
    if (isUsageError(error)) {
      io.stderr.write(`flowmap ${command.name}: ${error.message}\nSee: flowmap ${command.name} --help\n`);
      return ExitCode.USAGE;
    }
    io.stderr.write(`flowmap ${command.name}: ${describeStartupFailure(error, io.env.LOG_LEVEL === 'debug')}\n`);
    return ExitCode.RUNTIME;
  }
}
