import { useEffect, useState } from 'react';

/**
 * The console's address lives after `#` (`#/findings?severity=HIGH`): every view is one file,
 * index.html, so the server needs no route per view and a reload or a shared link shows the same.
 */
export interface Route {
  path: string;
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#/, '').split('?', 2);
  return { path: path === '' ? '/' : path, params: new URLSearchParams(query) };
}

export function routeHref(path: string, params: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')).toString();
  return `#${path}${query ? `?${query}` : ''}`;
}

export function navigate(path: string, params: Record<string, string | undefined> = {}): void {
  window.location.hash = routeHref(path, params);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
