import pino, { type Logger } from 'pino';

/** Structured JSON logs. Requests are logged by id, route, status and duration, never by content. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'flowmap' }, redact: ['req.headers.authorization', 'headers.authorization'] });
}
