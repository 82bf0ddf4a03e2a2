import 'reflect-metadata';
import { serve } from './cli/serve';
import { describeStartupFailure } from './common/startup-error';

// `npm start`: the same start-up as `flowmap serve` (src/cli/serve.ts).
serve({ stdout: process.stdout, stderr: process.stderr, env: process.env }).catch((error: unknown) => {
  process.stderr.write(`Flowmap failed to start: ${describeStartupFailure(error, process.env.LOG_LEVEL === 'debug')}\n`);
  process.exit(1);
});
