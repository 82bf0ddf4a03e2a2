import { describe, expect, it } from 'vitest';
import { personProgress } from './person-progress';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, isTTY, write: (text: string) => written.push(text) };
}

describe('personProgress', () => {
  it('draws one line over on a terminal, ending it when done', () => {
    const terminal = stream(true);
    const report = personProgress(terminal);
    for (const written of [10_000, 20_000, 25_000]) report(written, 25_000);
    expect(terminal.written).toEqual(['\rpersons: 10,000/25,000 (40%)', '\rpersons: 20,000/25,000 (80%)', '\rpersons: 25,000/25,000 (100%)\n']);
  });

  it('writes a line at each tenth elsewhere', () => {
    const log = stream(false);
    const report = personProgress(log);
    for (let written = 10_000; written <= 300_000; written += 10_000) report(written, 300_000);
    expect(log.written).toHaveLength(10);
    expect(log.written[0]).toBe('persons: 30,000/300,000 (10%)\n');
    expect(log.written.at(-1)).toBe('persons: 300,000/300,000 (100%)\n');
  });

  it('shows nothing for persons written in one batch', () => {
    const terminal = stream(true);
    personProgress(terminal)(3, 3);
    expect(terminal.written).toEqual([]);
  });
});
