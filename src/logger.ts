import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

/**
 * Structured JSON logs, or human-readable lines when `pretty` (stdout is a terminal). Requests are
 * logged by id, route, status and duration, never by content.
 */
export function createLogger(level: string, options: { pretty?: boolean; destination?: NodeJS.WritableStream } = {}): Logger {
  const settings = { level, base: { service: 'flowmap' }, redact: ['req.headers.authorization', 'headers.authorization'] };
  if (options.pretty) return pino(settings, pretty({ destination: options.destination ?? process.stdout, sync: true, ignore: 'pid,hostname,service' }));
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
