import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/engine/rules/rule-catalogue';
import { rulesPage } from '../src/engine/rules/rules-page';

describe('docs/rules.md', () => {
  it('is the page the rule catalogue writes (run `npm run docs:rules` after changing a rule)', () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '../docs/rules.md'), 'utf8');
    expect(rulesPage(RULES)).toBe(committed);
  });

  it('has one row per rule, naming what each cannot know', () => {
    const rows = rulesPage(RULES).split('\n').filter((line) => line.startsWith('| `'));
    expect(rows.map((row) => row.slice(3, row.indexOf('`', 3)))).toEqual(RULES.map((rule) => rule.id));
    for (const rule of RULES) expect(rule.limitation.trim().length, rule.id).toBeGreaterThan(20);
  });
});
