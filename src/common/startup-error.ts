import net from 'node:net';

/**
 * A start-up failure with a message meant for whoever started Flowmap: what failed and what to
 * change. Printed as one line (with any detail lines below it), without a stack trace unless
 * LOG_LEVEL=debug.
 */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

/** Fails with a message naming `variable` when `host:port` is taken; port 0 (any free port) always passes. */
export async function assertPortFree(host: string, port: number, variable: string, what: string): Promise<void> {
  if (port === 0) return;
  const problem = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(null)));
  });
  if (problem) throw portProblem(problem, host, port, variable, what);
}

/** The StartupError for a listen() failure on `host:port`, or the error itself when it is something else. */
export function portProblem(error: NodeJS.ErrnoException, host: string, port: number, variable: string, what: string): Error {
  if (error.code === 'EADDRINUSE') return new StartupError(`${what}: port ${port} on ${host} is already in use; set ${variable} to another port`, { cause: error });
  if (error.code === 'EACCES') return new StartupError(`${what}: not allowed to listen on port ${port} of ${host}; set ${variable} to a port above 1023`, { cause: error });
  if (error.code === 'EADDRNOTAVAIL') return new StartupError(`${what}: ${host} is not an address of this machine; check HOST`, { cause: error });
  return error;
}

/** How a start-up failure is printed: the message (and its cause's), with stacks only when debugging. */
export function describeStartupFailure(error: unknown, debug: boolean): string {
  if (debug && error instanceof Error && error.stack) return error.stack;
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
