import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';

/** Where `npm run build` puts the console's bundle (web/ built by Vite), from src/ and from dist/ alike. */
export const DEFAULT_CONSOLE_DIR = path.resolve(__dirname, '..', '..', 'dist', 'web');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Nothing from outside: scripts, styles, images and fonts come from this server, the only
 * connection is to this server's /graphql, and no other site may frame the console.
 * `img-src data:` is for the SVG icons Vite inlines; 'unsafe-inline' is never allowed.
 */
export const CONSOLE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Vite names what it builds under assets/ by a hash of the content, so a name never changes meaning. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current assets: the browser must ask again each time (it may reuse it on a 304). */
const REVALIDATE = 'no-cache';

export interface ConsoleFile {
  absolutePath: string;
  contentType: string;
  cacheControl: string;
}

/**
 * The file of the console bundle in `consoleDir` that a GET of `urlPath` asks for, or null when
 * there is none: `/` is index.html; a path that leaves the folder, is not valid percent-encoding
 * or names a folder is none.
 */
export function consoleFileFor(consoleDir: string, urlPath: string): ConsoleFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const absolutePath = path.resolve(consoleDir, relative);
  if (!absolutePath.startsWith(consoleDir + path.sep)) return null;
  let stats: fs.Stats;
  try {
    stats = fs.statSync(absolutePath);
  } catch {
    return null;
  }
  if (!stats.isFile()) return null;
  const contentType = CONTENT_TYPES[path.extname(absolutePath).toLowerCase()] ?? 'application/octet-stream';
  const hashed = relative.startsWith('assets/');
  return { absolutePath, contentType, cacheControl: hashed ? IMMUTABLE : REVALIDATE };
}

/** Sends a console file with its caching and security headers (HEAD: the headers alone). */
export function sendConsoleFile(request: http.IncomingMessage, response: http.ServerResponse, file: ConsoleFile): void {
  const body = fs.readFileSync(file.absolutePath);
  const etag = `"${body.length.toString(16)}-${fs.statSync(file.absolutePath).mtimeMs.toString(16)}"`;
  const headers: Record<string, string> = {
    'content-type': file.contentType,
    'cache-control': file.cacheControl,
    etag,
    'content-security-policy': CONSOLE_CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
  };
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, headers).end();
    return;
  }
  response.writeHead(200, { ...headers, 'content-length': String(body.length) });
  response.end(request.method === 'HEAD' ? undefined : body);
}
