import { parentPort } from 'node:worker_threads';
import type { InventoryTextLimits } from './measure-inventory-text';
import { parseInventoryFile, type InventoryFileFormat, type InventoryParseWarning } from './parse-inventory-file';

/** What parseInventoryFileOffThread sends: one file to parse. */
export interface ParseRequest {
  text: string;
  format: InventoryFileFormat;
  limits?: InventoryTextLimits;
}

/** One parse per worker: the worker is made for a file and ends with it. */
parentPort?.once('message', (request: ParseRequest) => {
  const warnings: InventoryParseWarning[] = [];
  const parsed = parseInventoryFile(request.text, request.format, { limits: request.limits, onWarning: (warning) => warnings.push(warning) });
  parentPort?.postMessage({ parsed, warnings });
});
