import fs from 'node:fs';
import { checkpointFileText, parseCheckpointFile, type AuditCheckpoint } from '../modules/audit/audit-checkpoint';
import { verifyAuditLog, type AuditVerification } from '../modules/audit/audit-log.service';
import { defineCommand, ExitCode, parseChoice, UsageError, withDatabase, writeOutput, type CliIo } from './command';

function readCheckpoint(file: string): AuditCheckpoint {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--checkpoint: cannot read ${file}: ${(error as Error).message}`);
  }
  const parsed = parseCheckpointFile(text);
  if ('problem' in parsed) throw new UsageError(`--checkpoint: ${file}: ${parsed.problem}`);
  return parsed;
}

function report(verification: AuditVerification, checkpoint: AuditCheckpoint | undefined): string {
  const legacy = verification.legacyEntries > 0 ? ` (${verification.legacyEntries} from before the chain was keyed)` : '';
  if (!verification.valid) {
    return `audit log BROKEN at entry ${verification.firstBrokenSeq}: ${verification.reason}\n${verification.entriesChecked} entries intact before it${legacy}\n`;
  }
  const anchored = checkpoint ? `matches the checkpoint of ${checkpoint.takenAt} (entry ${checkpoint.seq})\n` : '';
  return `audit log intact: ${verification.entriesChecked} entries${legacy}; head: entry ${verification.head.seq}, hash ${verification.head.hash}\n${anchored}`;
}

function failed(io: CliIo, verification: AuditVerification): ExitCode {
  io.stderr.write(`flowmap audit: the audit log is broken at entry ${verification.firstBrokenSeq}: ${verification.reason}\n`);
  return ExitCode.FAILED_CHECK;
}

export const auditCommand = defineCommand({
  name: 'audit',
  summary: 'verify the audit log, or take a signed checkpoint of it',
  help: `Usage: flowmap audit verify [--checkpoint FILE] [--format text|json]
       flowmap audit checkpoint [--output FILE]

verify       recomputes the keyed hash chain of the whole audit log and names the first entry
             changed, removed or inserted. With --checkpoint, also checks that the log still
             holds the checkpoint's entry with its hash: entries cut from the end show only so.
checkpoint   verifies the log, then writes a checkpoint of its last entry signed with the audit
             key (JSON). Keep it where the database's administrators cannot write; verify
             against it later.

Options:
  --checkpoint FILE    (verify) a checkpoint written earlier by flowmap audit checkpoint
  --format text|json   (verify) output format (default text)
  --output FILE        (checkpoint) write to FILE instead of stdout

The audit key is FLOWMAP_AUDIT_KEY, or for the embedded database the file <FLOWMAP_DATA_DIR>.audit-key.

Exit codes: 0 intact, 1 broken (nothing written by checkpoint), 2 usage error (a checkpoint
file unreadable, malformed or not signed with this audit key), 3 runtime failure.
`,
  options: {
    checkpoint: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string' },
  },
  positionals: 1,
  async run({ values, positionals: [action] }, io) {
    if (action === 'verify') {
      if (values.output !== undefined) throw new UsageError('--output: only for flowmap audit checkpoint');
      const format = parseChoice('format', values.format, ['text', 'json']) ?? 'text';
      const checkpoint = values.checkpoint === undefined ? undefined : readCheckpoint(values.checkpoint);
      const verification = await withDatabase(io, ({ dataSource }) => verifyAuditLog(dataSource, checkpoint));
      io.stdout.write(format === 'json' ? `${JSON.stringify(verification, null, 2)}\n` : report(verification, checkpoint));
      return verification.valid ? ExitCode.OK : failed(io, verification);
    }
    if (action === 'checkpoint') {
      for (const option of ['checkpoint', 'format'] as const) {
        if (values[option] !== undefined) throw new UsageError(`--${option}: only for flowmap audit verify`);
      }
      const verification = await withDatabase(io, ({ dataSource }) => verifyAuditLog(dataSource));
      if (!verification.valid || !verification.checkpoint) return failed(io, verification);
      writeOutput(checkpointFileText(verification.checkpoint), values.output, io);
      return ExitCode.OK;
    }
    throw new UsageError(`'${action}' is not one of verify, checkpoint`);
  },
});
