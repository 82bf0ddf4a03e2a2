import fs from 'node:fs';
import path from 'node:path';

/** The repository's root, found upwards from here: the bench runs from bench/ under vitest and from dist-bench/bench/ when built. */
export const REPO_ROOT = findRepoRoot(__dirname);

/** `node dist/main.js` of the product build, which the bench starts as production does. */
export const MAIN_SCRIPT = path.join(REPO_ROOT, 'dist', 'main.js');

function findRepoRoot(from: string): string {
  let directory = from;
  while (!fs.existsSync(path.join(directory, 'package.json'))) {
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error(`no package.json above ${from}`);
    directory = parent;
  }
  return directory;
}
