// Resolves the touchpoint of a URL from the config's URL rules (`/checkout*`, `/p/*?ref=mail`).
import type { ConfigTouchpoint } from '@throughline/schema';

/**
 * True when `rule` matches the location: `*` matches any run of characters; `?a=b` pairs must be in the query;
 * a rule with `#` also matches the fragment, for hash-routed single-page apps (`/app#/help*`).
 */
export function matchRule(rule: string, url: URL): boolean {
  const [path = '', query] = rule.split('?');
  const target =
    (/^https?:/.test(path)
      ? url.origin + url.pathname
      : path.startsWith('/')
        ? url.pathname
        : url.host + url.pathname) + (path.includes('#') ? url.hash : '');
  const re = new RegExp('^' + path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$');
  if (!re.test(target)) return false;
  for (const pair of query ? query.split('&') : []) {
    const [k = '', v] = pair.split('=');
    const have = url.searchParams.get(k);
    if (have == null || (v != null && v !== '*' && have !== v)) return false;
  }
  return true;
}

/** The key of the touchpoint whose rule matches most specifically (longest rule), if any. */
export function matchTouchpoint(touchpoints: ConfigTouchpoint[], url: URL): string | undefined {
  let best: string | undefined;
  let len = -1;
  for (const t of touchpoints)
    for (const rule of t.match)
      if (rule.length > len && matchRule(rule, url)) {
        best = t.key;
        len = rule.length;
      }
  return best;
}
