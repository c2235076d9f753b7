// Script-tag entry (dist/w.js): reads the tag's data- attributes, takes over the `throughline` stub and its queue,
// and fetches the Preact prompt chunk (a sibling URL of this script) only when a prompt is due.
import type { MountPrompt } from './prompt/types';
import { type Command, start } from './sdk';

/** Path of the prompt chunk relative to w.js, e.g. `w/prompt.3f9a1c.js`; set by the build. */
declare const __PROMPT__: string;

/** The one global: a command function; `q` holds calls made before load, `p` receives the prompt chunk. */
type Global = ((...c: Command) => void) & { q?: Command[]; p?: (m: MountPrompt) => void };

try {
  const w = window as unknown as { throughline?: Global };
  const me = (document.currentScript ?? document.querySelector('script[data-site]')) as HTMLScriptElement | null;
  const d = me?.dataset;
  if (me && d?.site && !w.throughline?.p) {
    const nonce = me.nonce || d.nonce;
    let pending: Promise<MountPrompt> | undefined;
    const api: Global = start(
      {
        site: d.site,
        endpoint: new URL(me.src).origin,
        touchpoint: d.touchpoint,
        locale: d.locale,
        inline: d.inline,
        nonce,
        loadPrompt: () =>
          (pending ??= new Promise((resolve, reject) => {
            // A classic script, not import(): no CORS needed, and the nonce lets it pass a strict CSP.
            api.p = resolve;
            const s = document.createElement('script');
            s.src = new URL(__PROMPT__, me.src).href;
            if (nonce) s.nonce = nonce;
            s.onerror = () => reject((pending = undefined));
            document.head.appendChild(s);
          })),
      },
      w.throughline?.q,
    );
    api.p = () => {};
    w.throughline = api;
  }
} catch {
  /* never break the host page */
}
