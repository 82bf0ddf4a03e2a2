/**
 * The API token lives in sessionStorage: gone when the tab closes, never in a cookie (the API takes
 * only the Authorization header), never sent anywhere but this server's /graphql.
 */
const KEY = 'flowmap.apiToken';

export function storedToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function storeToken(token: string): void {
  sessionStorage.setItem(KEY, token);
}

export function forgetToken(): void {
  sessionStorage.removeItem(KEY);
}
