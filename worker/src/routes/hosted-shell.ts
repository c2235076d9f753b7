// The HTML shell of the pages the Worker serves itself: the customers' hosted prompt page (/t/{code}) and the staff
// pulse page (/e/{code}). One look (the site's colour as an accent, light and dark), each page adding its own rules.
import { html, raw } from 'hono/html';

const DEFAULT_COLOR = '#4f46e5';
/** Only a colour-like value reaches the stylesheet (settings saved long ago may hold anything). */
const safeColor = (color: string) => (/^[#a-zA-Z0-9(),.% -]+$/.test(color) ? color : DEFAULT_COLOR);

export interface ShellOptions {
  /** The site's accent colour. */
  color?: string | undefined;
  /** This page's own rules, after the shared ones (a constant: never text from a request or a setting). */
  css?: string;
  /** This page's own rules for dark mode. */
  darkCss?: string;
  /** The widest the content gets, in rem. */
  widthRem?: number;
}

export function hostedShell(nonce: string, title: string, body: ReturnType<typeof html>, o: ShellOptions = {}) {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${title}</title>
<style nonce="${nonce}">:root{--c:${raw(safeColor(o.color ?? DEFAULT_COLOR))};color-scheme:light dark}
body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1f2937;background:#f8fafc;display:flex;min-height:100vh;justify-content:center}
main{width:100%;max-width:${raw(String(o.widthRem ?? 32))}rem;padding:1.5rem 1rem;box-sizing:border-box}
h1{font-size:1.25rem;margin:0 0 .25rem;border-inline-start:4px solid var(--c);padding-inline-start:.5rem}
p{margin:.25rem 0 1rem;color:#4b5563}
${raw(o.css ?? '')}
@media (prefers-color-scheme:dark){body{color:#e5e7eb;background:#0f1318}p{color:#aab2bf}${raw(o.darkCss ?? '')}}</style></head>
<body><main>${body}</main></body></html>`;
}
