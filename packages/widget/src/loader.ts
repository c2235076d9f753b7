// Script-tag entry (dist/w.js): takes over the `throughline` stub and queues calls, starts the config fetch, and loads
// the SDK core and, when a prompt is due, the Preact prompt and a locale pack — all from immutable URLs next to its own.
import type { Command, start } from './sdk';

/** Chunk paths relative to w.js, set by the build: `{ core: 'w/core.<hash>.js', prompt: …, l: 'w/l.<hash>/' }`. */
declare const __CHUNKS__: Record<string, string>;

/** The one global: a command function; `q` holds calls until the core runs them, `p` receives loaded chunks. */
type Global = ((...c: Command) => void) & { q?: Command[]; p?: (name: string, m: unknown) => void };

try {
  const w = window as unknown as { throughline?: Global };
  const me = (document.currentScript ?? document.querySelector('script[data-site]')) as HTMLScriptElement | null;
  const d = me?.dataset;
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  // Do Not Track / Global Privacy Control: load and record nothing.
  if (me && d?.site && !w.throughline?.p && nav.doNotTrack != '1' && !nav.globalPrivacyControl) {
    const nonce = me.nonce || d.nonce;
    const endpoint = new URL(me.src).origin;
    const got: Record<string, (m: unknown) => void> = {};
    const pending: Record<string, Promise<unknown>> = {};
    const q: Command[] = w.throughline?.q ?? [];
    let run: ((...c: Command) => void) | undefined;
    // Trusted Types (`require-trusted-types-for 'script'`): our script URLs go through a policy named `throughline`,
    // which the page's CSP lists (`trusted-types throughline`). It lives in this closure, so no one else can use it;
    // where the CSP does not allow it, createPolicy throws and the page's default policy, if any, decides.
    let tt: { createScriptURL(u: string): string } | undefined;
    try {
      tt = (window as { trustedTypes?: { createPolicy(n: string, p: object): typeof tt } }).trustedTypes?.createPolicy(
        'throughline',
        { createScriptURL: (u: string) => u },
      );
    } catch {
      /* no policy: plain strings */
    }
    const load = (name: string) =>
      (pending[name] ??= new Promise<unknown>((resolve, reject) => {
        // A classic script, not import(): no CORS needed, and the nonce lets it pass a strict CSP.
        got[name] = resolve;
        const s = document.createElement('script');
        const src = new URL(__CHUNKS__[name] ?? __CHUNKS__.l + name + '.js', me.src).href;
        s.src = tt ? tt.createScriptURL(src) : src;
        if (nonce) s.nonce = nonce;
        s.onerror = () => reject(delete pending[name]);
        document.head.appendChild(s);
      }));
    const api: Global = (...c) => (run ? run(...c) : q.push(c));
    api.p = (name, m) => got[name]?.(m);
    w.throughline = api;
    const config = fetch(`${endpoint}/v1/sites/${d.site}/config`, { credentials: 'omit' });
    config.catch(() => {});
    (load('core') as Promise<typeof start>).then(
      (start) =>
        (run = start(
          {
            site: d.site!,
            endpoint,
            touchpoint: d.touchpoint,
            locale: d.locale,
            inline: d.inline,
            nonce,
            load,
            config,
          },
          q,
        )),
      () => {},
    );
  }
} catch {
  /* never break the host page */
}
