import 'reflect-metadata';
import { serve } from './cli/serve';

// `npm start`: the same start-up as `flowmap serve` (src/cli/serve.ts).
serve({ stdout: process.stdout, stderr: process.stderr, env: process.env }).catch((error: unknown) => {
  process.stderr.write(`Flowmap failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
