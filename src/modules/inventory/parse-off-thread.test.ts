import { describe, expect, it } from 'vitest';
import { parseInventoryFile } from './parse-inventory-file';
import { IN_PLACE_PARSE_BYTES, parseInventoryFileOffThread } from './parse-off-thread';

/** A file of `count` persons, well-formed. */
function personsFile(count: number): string {
  const persons = Array.from({ length: count }, (_, index) => `  - { externalId: p${index}, countryOfResidence: DE, subjectCategories: [app-user], dateOfBirth: 1990-01-01 }`);
  return `flowmap: 1\nsubjectCategories: [{ key: app-user, name: App user }]\npersons:\n${persons.join('\n')}\n`;
}

/** Counts the turns of the event loop until stopped: more than one means other work ran meanwhile. */
function countTurns(): { stop(): number } {
  let turns = 0;
  let running = true;
  const turn = (): void => {
    if (!running) return;
    turns += 1;
    setImmediate(turn);
  };
  turn();
  return {
    stop() {
      running = false;
      return turns;
    },
  };
}

describe('parseInventoryFileOffThread', () => {
  it('parses a large file on a worker: the event loop keeps turning, and the answer is the one in place', async () => {
    const text = personsFile(3_000);
    expect(Buffer.byteLength(text)).toBeGreaterThan(IN_PLACE_PARSE_BYTES);
    const turns = countTurns();
    const parsed = await parseInventoryFileOffThread(text, 'yaml');
    expect(turns.stop()).toBeGreaterThan(1);
    expect(parsed).toEqual(parseInventoryFile(text, 'yaml'));
    expect('document' in parsed && parsed.document.persons).toHaveLength(3_000);
  });

  it('reports errors and warnings of a large file as in place', async () => {
    const text = `${personsFile(2_000).replace('countryOfResidence: DE', 'countryOfResidence: XX')}extra: !odd-tag value\n`;
    const warnings: unknown[] = [];
    const parsed = await parseInventoryFileOffThread(text, 'yaml', { onWarning: (warning) => warnings.push(warning) });
    expect(parsed).toEqual(parseInventoryFile(text, 'yaml'));
    expect('errors' in parsed && parsed.errors.map((error) => error.path)).toEqual(expect.arrayContaining(['/persons/0/countryOfResidence', '/extra']));
    expect(warnings).toEqual([{ code: 'TAG_RESOLVE_FAILED', line: 2_004, column: expect.any(Number) }]);
  });

  it('parses a small file in place', async () => {
    const parsed = await parseInventoryFileOffThread(personsFile(2), 'yaml');
    expect('document' in parsed && parsed.document.persons).toHaveLength(2);
  });
});
