import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { flowmapSchema, printFlowmapSchema } from '../schema';

/** Writes schema.graphql at the repository root from the resolvers' decorators. */
async function main(): Promise<void> {
  const target = path.resolve(__dirname, '../../schema.graphql');
  fs.writeFileSync(target, printFlowmapSchema(await flowmapSchema()));
  process.stdout.write(`wrote ${target}\n`);
}

void main();
