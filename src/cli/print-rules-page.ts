import fs from 'node:fs';
import path from 'node:path';
import { RULES } from '../engine/rules/rule-catalogue';
import { rulesPage } from '../engine/rules/rules-page';

/** Writes docs/rules.md from the rule catalogue. */
function main(): void {
  const target = path.resolve(__dirname, '../../docs/rules.md');
  fs.writeFileSync(target, rulesPage(RULES));
  process.stdout.write(`wrote ${target}\n`);
}

main();
