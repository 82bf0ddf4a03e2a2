import type { OutputStream } from './command';

const count = (value: number): string => value.toLocaleString('en-US');

/**
 * What an import tells of the persons it writes (onPersonProgress): on a terminal one line drawn
 * over at each batch, elsewhere (a CI log) a line at each tenth, so a log stays short. Persons
 * written in a single batch are no wait worth showing.
 */
export function personProgress(stream: OutputStream): (written: number, total: number) => void {
  let started = false;
  let tenthsShown = 0;
  return (written, total) => {
    const done = written === total;
    if (!started && done) return;
    started = true;
    const line = `persons: ${count(written)}/${count(total)} (${Math.floor((100 * written) / total)}%)`;
    if (stream.isTTY) {
      stream.write(`\r${line}${done ? '\n' : ''}`);
      return;
    }
    const tenths = Math.floor((10 * written) / total);
    if (tenths === tenthsShown) return;
    tenthsShown = tenths;
    stream.write(`${line}\n`);
  };
}
