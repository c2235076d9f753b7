// A tiny History API router: path patterns like `/sites/:id/map`, plus the analytics filters kept in the query.
import { useEffect, useState } from 'preact/hooks';

export interface Location {
  path: string;
  query: URLSearchParams;
}

const listeners = new Set<() => void>();

function current(): Location {
  return { path: location.pathname.replace(/\/+$/, '') || '/', query: new URLSearchParams(location.search) };
}

function notify(): void {
  for (const l of listeners) l();
}

addEventListener('popstate', notify);

/** Go to `to` (a path with optional query) without reloading; `replace` keeps history clean for redirects. */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return;
  history[opts.replace ? 'replaceState' : 'pushState'](null, '', to);
  if (!opts.replace) scrollTo(0, 0);
  notify();
}

/** The current location; re-renders the caller on every navigation. */
export function useLocation(): Location {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    const l = () => setLoc(current());
    listeners.add(l);
    return () => void listeners.delete(l);
  }, []);
  return loc;
}

/** Match `pattern` (`/sites/:id/map`) against `path`; returns the params or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const s = path.split('/');
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const seg = p[i]!;
    const val = s[i]!;
    if (seg.startsWith(':')) {
      if (!val) return null;
      params[seg.slice(1)] = decodeURIComponent(val);
    } else if (seg !== val) return null;
  }
  return params;
}

/** Keep the filter query (`from`, `to`, `segment`, `team`, `journey`) when moving between analytics views. */
export function withFilters(path: string, query: URLSearchParams = current().query): string {
  const keep = new URLSearchParams();
  for (const k of ['from', 'to', 'segment', 'team', 'journey']) {
    const v = query.get(k);
    if (v) keep.set(k, v);
  }
  const s = keep.toString();
  return s ? `${path}?${s}` : path;
}

/** Replace some query parameters (empty string or null removes one) and navigate there. */
export function setQuery(patch: Record<string, string | null>): void {
  const q = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(patch)) {
    if (v) q.set(k, v);
    else q.delete(k);
  }
  const s = q.toString();
  navigate(location.pathname + (s ? `?${s}` : ''), { replace: true });
}

/** Click handler for in-app links: plain left clicks navigate client-side, others behave as links. */
export function onLinkClick(e: MouseEvent): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.currentTarget as HTMLAnchorElement | null) ?? null;
  if (!a || a.target || a.origin !== location.origin) return;
  e.preventDefault();
  navigate(a.pathname + a.search);
}
