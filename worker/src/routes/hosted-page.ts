// /t/{code}: the hosted, mobile-first prompt page of an offline touchpoint (the target of its QR code or short
// link). It loads the real widget (/w.js with data-site and data-touchpoint), so answers take the normal ingest
// path. No inline script: /t/show.js (a static script) asks the widget to show the prompt; styles carry a nonce.
import { Hono } from 'hono';
import { html } from 'hono/html';
import { touchpointByCode } from '../db/hosted-touchpoints';
import { readSettings } from '../db/sites';
import type { AppEnv } from '../env';
import { newSecret } from '../ids';
import { hostedShell } from './hosted-shell';

/**
 * Queues `show` until the widget has loaded its config and drawn the prompt into #prompt: the page exists to ask,
 * so the site's sampling and ask budget do not apply here. Stops once the prompt is there (or after 15 s).
 */
const SHOW_JS = `(function(){var w=window;w.throughline=w.throughline||function(){(w.throughline.q=w.throughline.q||[]).push(arguments)};
var n=0,t=setInterval(function(){var h=document.getElementById('prompt');if(++n>60||(h&&(h.shadowRoot||h.firstElementChild))){clearInterval(t);return}w.throughline('show')},250)})();`;

const csp = (nonce: string) =>
  [
    `default-src 'none'`,
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    `connect-src 'self'`,
    `img-src 'self' data:`,
    `base-uri 'none'`,
    `form-action 'none'`,
    `frame-ancestors 'none'`,
  ].join('; ');

const page = (nonce: string, title: string, body: ReturnType<typeof html>, color?: string) =>
  hostedShell(nonce, title, body, { color, css: '#prompt{min-height:12rem}' });

export const hostedPages = new Hono<AppEnv>()
  .get('/show.js', (c) =>
    c.body(SHOW_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' }),
  )
  .get('/:code', async (c) => {
    const nonce = newSecret();
    const headers = {
      'content-security-policy': csp(nonce),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    };
    const code = c.req.param('code');
    const tp = /^[a-z0-9]{4,16}$/.test(code) ? await touchpointByCode(c.env.DB, code) : null;
    if (!tp) {
      return c.html(
        page(
          nonce,
          'Not found',
          html`<h1>This link does not lead anywhere</h1>
<p>The code may be mistyped, or the survey was removed. Nothing else to do here.</p>`,
        ),
        404,
        headers,
      );
    }
    const theme = readSettings(tp.settings).theme;
    const body = tp.asks
      ? html`<h1>${tp.name}</h1><p>${tp.orgName} would like to know how it went. It takes a few seconds.</p>
<div id="prompt"></div>
<script nonce="${nonce}" src="/t/show.js"></script>
<script nonce="${nonce}" async src="/w.js" data-site="${tp.siteKey}" data-touchpoint="${tp.key}" data-inline="#prompt" data-nonce="${nonce}"></script>`
      : html`<h1>${tp.name}</h1><p>${tp.orgName} is not asking any questions here right now. Thank you for looking.</p>`;
    return c.html(page(nonce, `${tp.name} · ${tp.orgName}`, body, theme?.color), 200, headers);
  });
