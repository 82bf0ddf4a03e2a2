import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleFileFor } from './console-files';

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flowmap-console-files-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg/>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-AbC123.js'), 'export {}');
  fs.writeFileSync(path.join(path.dirname(dir), `${path.basename(dir)}-secret.txt`), 'beside the folder');
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(path.join(path.dirname(dir), `${path.basename(dir)}-secret.txt`), { force: true });
});

describe('consoleFileFor', () => {
  it('serves index.html at / for revalidation and hashed assets as immutable', () => {
    expect(consoleFileFor(dir, '/')).toMatchObject({ absolutePath: path.join(dir, 'index.html'), contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' });
    expect(consoleFileFor(dir, '/assets/index-AbC123.js')).toMatchObject({ contentType: 'text/javascript; charset=utf-8', cacheControl: 'public, max-age=31536000, immutable' });
    expect(consoleFileFor(dir, '/favicon.svg')).toMatchObject({ contentType: 'image/svg+xml', cacheControl: 'no-cache' });
  });

  it('serves nothing outside the folder, no folder, no missing file and no malformed path', () => {
    for (const urlPath of [
      '/../package.json',
      '/assets/../../package.json',
      `/..%2f${path.basename(dir)}-secret.txt`,
      `/%2e%2e/${path.basename(dir)}-secret.txt`,
      '/assets',
      '/assets/',
      '/missing.js',
      '/%00',
      '/index.html%00.js',
      '/%E0%A4%A',
    ]) {
      expect(consoleFileFor(dir, urlPath), urlPath).toBeNull();
    }
  });
});
