import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

/**
 * Structured JSON logs, or human-readable lines when `pretty` (stdout is a terminal). Requests are
 * logged by id, route, status and duration, never by content.
 */
export function createLogger(level: string, options: { pretty?: boolean; destination?: NodeJS.WritableStream } = {}): Logger {
  // Stack traces are for debugging: at other levels an error is logged by its type, code and place only.
  const debugging = level === 'debug' || level === 'trace';
  const settings = {
    level,
    base: { service: 'flowmap' },
    redact: debugging
      ? ['req.headers.authorization', 'headers.authorization']
      : { paths: ['req.headers.authorization', 'headers.authorization', 'error.stack'], remove: false, censor: (_value: unknown, path: string[]) => (path.at(-1) === 'stack' ? undefined : '[Redacted]') },
  };
  if (options.pretty) return pino(settings, pretty({ destination: options.destination ?? process.stdout, sync: true, ignore: 'pid,hostname,service' }));
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
