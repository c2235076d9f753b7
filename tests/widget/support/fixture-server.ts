// Serves the fixture pages from their own origin (not the worker's), as a site owner would: each page at
// /{mode}/{siteKey}/{page}.html with the widget installed the way `mode` says — `script` (the built /w.js from the
// local worker), `npm` (the built npm ESM entry, served here at /sdk/, loaded as a module) or `none` (the page alone,
// the baseline for computed styles and globals). Pages asking for it get a strict CSP with a per-response nonce.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const NPM = fileURLToPath(new URL('../../../packages/widget/dist/npm/', import.meta.url));

export type Mode = 'script' | 'npm' | 'none';
export const MODES = ['script', 'npm'] as const;

export interface FixtureServer {
  origin: string;
  url(mode: Mode, siteKey: string, page: string): string;
  close(): Promise<void>;
}

/** The install snippet for a mode; `init` options mirror the script tag's attributes. */
function install(mode: Mode, worker: string, site: string, nonce: string, opts: Record<string, string>): string {
  if (mode === 'none') return '';
  const attrs = Object.entries(opts)
    .map(([k, v]) => ` data-${k}="${v}"`)
    .join('');
  if (mode === 'script')
    return `<script nonce="${nonce}" async src="${worker}/w.js" data-site="${site}"${attrs}></script>`;
  // An external module (as a bundler would emit), so that the page's own markup is the same as without the widget.
  const init = new URLSearchParams({ site, endpoint: worker, nonce, ...opts });
  return `<script type="module" nonce="${nonce}" src="/boot.js?${init}"></script>`;
}

/**
 * The app's entry module in npm mode: imports the built npm entry and calls `init` with the page's options, inside
 * `window.fixtureRun` when the page defines one (a framework's zone, as an Angular component would call it).
 */
const boot = (params: URLSearchParams) =>
  `import { init } from '/sdk/throughline.js';\n(window.fixtureRun || ((f) => f()))(() => init(${JSON.stringify(Object.fromEntries(params))}));\n`;

/** Module scripts load in CORS mode: a sandboxed frame (origin `null`) may load the app's modules too. */
const JS = { 'content-type': 'text/javascript; charset=utf-8', 'access-control-allow-origin': '*' };

export async function startFixtureServer(worker: string): Promise<FixtureServer> {
  const server: Server = createServer((req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/boot.js') {
        res.writeHead(200, JS).end(boot(url.searchParams));
        return;
      }
      if (url.pathname.startsWith('/sdk/')) {
        const body = readFileSync(NPM + url.pathname.slice(5).replace(/[^\w.-]/g, ''));
        res.writeHead(200, JS).end(body);
        return;
      }
      const [, mode, site, page] = url.pathname.split('/') as [string, Mode, string, string];
      // Single-page app routes (/…/checkout, /…/router/shop) are served the app's page, as a history-API server does.
      const file = page?.endsWith('.html') ? page : page === 'router' ? 'router.html' : 'spa.html';
      const nonce = randomBytes(12).toString('base64url');
      let html = readFileSync(FIXTURES + file.replace(/[^\w.-]/g, ''), 'utf8');
      const opts: Record<string, string> = {};
      for (const [k, v] of url.searchParams) if (/^(touchpoint|locale|inline)$/.test(k)) opts[k] = v;
      html = html
        .replaceAll('{{NONCE}}', nonce)
        .replace('<!--throughline-->', install(mode, worker, site, nonce, opts));
      const headers: Record<string, string> = {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      };
      if (html.includes('data-strict-csp'))
        headers['content-security-policy'] =
          `default-src 'none'; script-src 'self' 'nonce-${nonce}'; style-src 'self' 'nonce-${nonce}'; connect-src 'self' ${worker}; img-src 'self'; base-uri 'none'; object-src 'none'`;
      // Trusted Types as the README tells a strict site to send them: only the `throughline` policy, no default one.
      if (html.includes('data-trusted-types'))
        headers['content-security-policy'] =
          `script-src 'nonce-${nonce}' 'strict-dynamic'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types throughline`;
      res.writeHead(200, headers).end(html);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (mode, siteKey, page) => `${origin}/${mode}/${siteKey}/${page}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
