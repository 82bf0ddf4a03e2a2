import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEXT_LIMITS, measureInventoryText, positionAt } from './measure-inventory-text';
import { parseInventoryFile } from './parse-inventory-file';

const examples = fs.readdirSync(path.resolve(__dirname, '../../../examples')).filter((name) => name.endsWith('.yaml'));

describe('measureInventoryText', () => {
  it.each(examples)('passes the example %s', (name) => {
    const text = fs.readFileSync(path.resolve(__dirname, '../../../examples', name), 'utf8');
    expect(measureInventoryText(text, DEFAULT_TEXT_LIMITS)).toBeNull();
    expect(measureInventoryText(text, { ...DEFAULT_TEXT_LIMITS, maxDepth: 12 })).toBeNull();
  });

  it('stops at the first level past the depth, in flow and block collections', () => {
    const limits = { ...DEFAULT_TEXT_LIMITS, maxDepth: 5 };
    expect(measureInventoryText('[[[[[1]]]]]', limits)).toBeNull();
    expect(measureInventoryText('[[[[[[1]]]]]]', limits)).toEqual({ offset: 5, message: 'collections nest deeper than the 5 levels allowed' });
    expect(measureInventoryText('a:\n b:\n  c: 1\n', limits)).toBeNull();
    expect(measureInventoryText('- - - - - - - 1\n', limits)).not.toBeNull();
    expect(measureInventoryText('a:\n b:\n  c:\n   d:\n    e:\n     f: 1\n', limits)).not.toBeNull();
  });

  it('does not count brackets or indentation inside scalars and comments', () => {
    const limits = { ...DEFAULT_TEXT_LIMITS, maxDepth: 3 };
    expect(measureInventoryText(`a: "${'['.repeat(50)}"\nb: '{{{{{{'\nc: |\n          [[[[[[\n              deep text\n# [[[[[[[[[\n`, limits)).toBeNull();
  });

  it('counts nodes, and stops at the limit', () => {
    const limits = { ...DEFAULT_TEXT_LIMITS, maxNodes: 10 };
    expect(measureInventoryText('[1, 2, 3]', limits)).toBeNull();
    expect(measureInventoryText(`[${Array(20).fill('1').join(', ')}]`, limits)?.message).toBe('more than 10 nodes');
  });

  it('places the offset at a line and column', () => {
    expect(positionAt('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt('ab\ncd\nef', 6)).toEqual({ line: 3, column: 1 });
  });
});

describe('parseInventoryFile under limits', () => {
  it('refuses a file with too many nodes before parsing it, at the node past the limit', () => {
    const parsed = parseInventoryFile('flowmap: 1\nx: [1, 2, 3, 4, 5, 6, 7, 8]\n', 'yaml', { limits: { ...DEFAULT_TEXT_LIMITS, maxNodes: 6 } });
    expect(parsed).toEqual({ errors: [expect.objectContaining({ code: 'TOO_COMPLEX', line: 2, message: 'file: more than 6 nodes' })] });
  });

  it('refuses deep text with a positioned error, not a stack overflow', () => {
    const parsed = parseInventoryFile(`flowmap: 1\nx: ${'['.repeat(100_000)}`, 'yaml');
    expect(parsed).toEqual({ errors: [{ path: '', line: 2, column: 4 + DEFAULT_TEXT_LIMITS.maxDepth - 1, code: 'TOO_COMPLEX', message: expect.stringContaining('64 levels') }] });
  });
});
