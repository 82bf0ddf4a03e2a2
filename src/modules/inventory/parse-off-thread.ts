import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseInventoryFile, type InventoryFileFormat, type InventoryParseWarning, type ParsedInventoryFile, type ParseOptions } from './parse-inventory-file';
import type { ParseRequest } from './parse-inventory-worker';

/**
 * Files up to this size are parsed in place: a worker costs more to start than they cost to parse.
 * Larger ones (the API takes files up to its 1 MiB body limit) take a second or more of CPU, which
 * would stop the server's event loop, and with it every other request and the request timeout.
 */
export const IN_PLACE_PARSE_BYTES = 64 * 1024;

/** The heap a worker may use: a 1 MiB file needs about 70 MB; a hostile one is stopped here. */
const WORKER_HEAP_MB = 512;

/**
 * A worker running the module beside this one: compiled JavaScript in the product, TypeScript
 * under the tests, which is registered with tsx (a dev dependency) inside the worker first.
 */
function startWorker(): Worker {
  const extension = path.extname(__filename);
  const file = path.join(__dirname, `parse-inventory-worker${extension}`);
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB };
  if (extension !== '.ts') return new Worker(file, { resourceLimits });
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { eval: true, resourceLimits });
}

/** A file whose parse needed more than the worker's heap: the client's to fix, not a fault of ours. */
export class ParseOutOfMemory extends Error {}

/**
 * parseInventoryFile, on a worker thread for a file larger than IN_PLACE_PARSE_BYTES, so that the
 * event loop keeps serving while it runs. Same answer as in place; warnings reach `onWarning`.
 */
export async function parseInventoryFileOffThread(text: string, format: InventoryFileFormat, options: ParseOptions = {}): Promise<ParsedInventoryFile> {
  if (Buffer.byteLength(text) <= IN_PLACE_PARSE_BYTES) return parseInventoryFile(text, format, options);
  const worker = startWorker();
  try {
    const answer = await new Promise<{ parsed: ParsedInventoryFile; warnings: InventoryParseWarning[] }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ParseOutOfMemory() : error));
      worker.once('exit', (code) => reject(new Error(`the inventory parser's worker stopped with exit code ${code} before answering`)));
      const request: ParseRequest = { text, format, limits: options.limits };
      worker.postMessage(request);
    });
    for (const warning of answer.warnings) options.onWarning?.(warning);
    return answer.parsed;
  } finally {
    await worker.terminate();
  }
}
