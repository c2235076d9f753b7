// /e/{code}: the hosted staff page of a touchpoint (docs/metrics.md › Employee pulse). Three fixed questions on internal
// service quality, 1–5, as a plain HTML form (no script, no cookie, no visitor id); a response only adds to the
// touchpoint's daily sums. Rate limited per client address like ingest, and per address and page per day.
import { PULSE_QUESTIONS, PulseAnswerSchema, type PulseQuestion } from '@throughline/schema';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { addPulse, touchpointByStaffCode } from '../db/pulse';
import { bumpAll } from '../db/rate-counters';
import { readSettings } from '../db/sites';
import type { AppEnv } from '../env';
import { newSecret } from '../ids';
import { hostedShell } from './hosted-shell';
import { clientHash } from '../ingest/client-limit';

/** Responses one client address may give on one staff page per day (a shared shop network carries a whole team). */
export const PULSE_PER_ADDRESS_PER_DAY = 30;

const PULSE_TEXT: Record<PulseQuestion, string> = {
  tools: 'I have the tools and information I need to serve customers well here.',
  support: 'I get the support I need from my team.',
  pride: 'I am proud of the service we give here.',
};
const ENDS = ['Strongly disagree', 'Disagree', 'Neither', 'Agree', 'Strongly agree'];

const csp = (nonce: string) =>
  [
    `default-src 'none'`,
    `style-src 'nonce-${nonce}'`,
    `img-src 'self' data:`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');

const STAFF_CSS = `fieldset{border:1px solid #d1d5db;border-radius:10px;margin:0 0 1rem;padding:.75rem}
legend{font-weight:600;padding:0 .25rem}
.row{display:grid;grid-template-columns:repeat(5,1fr);gap:.35rem}
label{display:grid;justify-items:center;gap:.2rem;font-size:.75rem;text-align:center;padding:.4rem .1rem;border-radius:8px;cursor:pointer}
input[type=radio]{width:1.4rem;height:1.4rem;accent-color:var(--c);margin:0}
button{width:100%;min-height:48px;border:0;border-radius:10px;background:var(--c);color:#fff;font:inherit;font-weight:600}
button:focus-visible,input:focus-visible{outline:3px solid #1f2937;outline-offset:2px}
.err{color:#b42318;font-weight:600}`;
const STAFF_DARK_CSS =
  'fieldset{border-color:#3b4452}.err{color:#fda29b}button:focus-visible,input:focus-visible{outline-color:#e5e7eb}';

const page = (nonce: string, title: string, body: ReturnType<typeof html>, color?: string) =>
  hostedShell(nonce, title, body, { color, css: STAFF_CSS, darkCss: STAFF_DARK_CSS, widthRem: 34 });

const headers = (nonce: string) => ({
  'content-security-policy': csp(nonce),
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
});

function form(code: string, name: string, org: string, error?: string) {
  return html`<h1>${name}</h1>
<p>${org} asks the team behind this touchpoint three short questions. Anonymous: no name, no cookie; scores are shown only for groups of five or more answers, never for one person.</p>
${error ? html`<p class="err" role="alert">${error}</p>` : ''}
<form method="post" action="/e/${code}">
${PULSE_QUESTIONS.map(
  (q) => html`<fieldset><legend>${PULSE_TEXT[q]}</legend><div class="row">
${[1, 2, 3, 4, 5].map((v) => html`<label><input type="radio" name="${q}" value="${v}" required>${v}<span>${ENDS[v - 1]}</span></label>`)}
</div></fieldset>`,
)}
<button type="submit">Send</button>
</form>`;
}

const notFound = (nonce: string) =>
  page(
    nonce,
    'Not found',
    html`<h1>This link does not lead anywhere</h1><p>The code may be mistyped, or the touchpoint was removed.</p>`,
  );

export const staffPages = new Hono<AppEnv>()
  .get('/:code', async (c) => {
    const nonce = newSecret();
    const code = c.req.param('code');
    const tp = /^[a-z0-9]{4,16}$/.test(code) ? await touchpointByStaffCode(c.env.DB, code) : null;
    if (!tp) return c.html(notFound(nonce), 404, headers(nonce));
    const color = readSettings(tp.settings).theme.color;
    return c.html(page(nonce, `${tp.name} · team pulse`, form(code, tp.name, tp.orgName), color), 200, headers(nonce));
  })
  .post('/:code', async (c) => {
    const nonce = newSecret();
    const code = c.req.param('code');
    const tp = /^[a-z0-9]{4,16}$/.test(code) ? await touchpointByStaffCode(c.env.DB, code) : null;
    if (!tp) return c.html(notFound(nonce), 404, headers(nonce));
    const color = readSettings(tp.settings).theme.color;
    const client = await clientHash(c.req.raw, `pulse:${code}`, c.env.PEPPER ?? '');
    const [perMinute, [perDay = 1]] = await Promise.all([
      c.env.INGEST_CLIENT_LIMITER.limit({ key: client }),
      bumpAll(c.env.DB, [`pulse:${client}`], 86_400_000),
    ]);
    if (!perMinute.success || perDay > PULSE_PER_ADDRESS_PER_DAY) {
      return c.html(
        page(
          nonce,
          'Too many answers',
          html`<h1>Too many answers from here</h1><p>Please try again tomorrow.</p>`,
          color,
        ),
        429,
        { ...headers(nonce), 'retry-after': String(perMinute.success ? 3600 : 60) },
      );
    }
    const body = await c.req.parseBody().catch(() => ({}));
    const parsed = PulseAnswerSchema.safeParse(
      Object.fromEntries(PULSE_QUESTIONS.map((q) => [q, (body as Record<string, unknown>)[q] ?? ''])),
    );
    if (!parsed.success) {
      return c.html(
        page(
          nonce,
          `${tp.name} · team pulse`,
          form(code, tp.name, tp.orgName, 'Please answer all three questions, 1 to 5.'),
          color,
        ),
        400,
        headers(nonce),
      );
    }
    await addPulse(c.env.DB, tp.siteId, tp.key, new Date().toISOString().slice(0, 10), parsed.data);
    return c.html(
      page(
        nonce,
        'Thank you',
        html`<h1>Thank you</h1><p>Your answers were added to the team's anonymous pulse for ${tp.name}.</p>`,
        color,
      ),
      200,
      headers(nonce),
    );
  });
