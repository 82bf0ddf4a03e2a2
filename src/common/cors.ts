/** Headers every answer to a browser carries when its origin is allowed. */
const EXPOSED = { 'access-control-expose-headers': 'x-request-id' };

/** What a preflight (OPTIONS) answer adds: the methods and request headers the API takes. */
const PREFLIGHT = {
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, apollo-require-preflight, x-apollo-operation-name',
  'access-control-max-age': '600',
};

/**
 * CORS headers for a request from `origin`, given the allowed origins ('*' for any). An origin not
 * allowed gets none, and the browser keeps the answer from the page. Tokens travel in a header,
 * never in cookies, so credentials are not allowed.
 */
export function corsHeaders(origin: string | undefined, allowedOrigins: readonly string[], preflight: boolean): Record<string, string> {
  const headers: Record<string, string> = { vary: 'origin' };
  if (!origin || !(allowedOrigins.includes('*') || allowedOrigins.includes(origin))) return headers;
  return { ...headers, 'access-control-allow-origin': allowedOrigins.includes('*') ? '*' : origin, ...EXPOSED, ...(preflight ? PREFLIGHT : {}) };
}
