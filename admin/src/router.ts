// A tiny history router over location.pathname below the app's base (/admin/).
import { useSyncExternalStore } from 'react';

const BASE = import.meta.env.BASE_URL.replace(/\/$/, ''); // "/admin"
const CHANGE = 'gk:navigate';

export interface Location {
  /** Path below the base, always starting with "/", e.g. "/users". */
  path: string;
  search: URLSearchParams;
}

function read(): string {
  let path = window.location.pathname;
  if (path.startsWith(BASE)) path = path.slice(BASE.length);
  if (!path.startsWith('/')) path = `/${path}`;
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

let cached: { key: string; loc: Location } | null = null;

function snapshot(): Location {
  const key = read() + window.location.search;
  if (!cached || cached.key !== key) {
    cached = { key, loc: { path: read(), search: new URLSearchParams(window.location.search) } };
  }
  return cached.loc;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(CHANGE, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(CHANGE, listener);
  };
}

/** The full URL of an app path, for href attributes. */
export function href(path: string): string {
  return BASE + path;
}

/** Go to an app path such as "/users" or "/login?next=%2Faudit". */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const url = href(path);
  if (url === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(CHANGE));
}

/** The current app path and query; re-renders on navigation. */
export function useLocation(): Location {
  return useSyncExternalStore(subscribe, snapshot);
}

/** The current app path with its query string, for "come back here after login". */
export function currentAppUrl(): string {
  return read() + window.location.search;
}
