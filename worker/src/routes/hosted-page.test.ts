import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { BASE, answerEvent, eventRows, postEvents, signup, visitor, worker, type Session } from '../../test/helpers';

async function offlineTouchpoint(s: Session, prompt = true) {
  const site = await (await s.send('POST', '/api/v1/sites', { name: 'Café <Nord>', origins: [] })).json<{
    id: string;
    key: string;
  }>();
  const res = await s.send('POST', `/api/v1/sites/${site.id}/touchpoints`, {
    key: 'counter',
    name: 'Shop counter & till',
    stage: 'Purchase',
    channel: 'offline',
    ...(prompt ? { prompt: {} } : {}),
  });
  const tp = await res.json<{ code: string }>();
  return { site, code: tp.code };
}

/** The dark modules of an SVG drawn by uqr's renderSVG, as a matrix. */
function svgMatrix(svg: string, pixel: number): boolean[][] {
  const size = Number(svg.match(/viewBox="0 0 (\d+) /)![1]) / pixel;
  const m = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const [, x, y] of svg.matchAll(/M(\d+),(\d+)h/g)) m[Number(y) / pixel]![Number(x) / pixel] = true;
  return m;
}

describe('hosted prompt page /t/{code}', () => {
  it('serves a mobile page that loads the real widget for that touchpoint, with no inline script', async () => {
    const s = await signup(undefined, 'Nordic Coffee & Co');
    const { site, code } = await offlineTouchpoint(s);
    const res = await worker.fetch(`${BASE}/t/${code}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('name="viewport"');
    expect(page).toContain('Shop counter &amp; till');
    // The visitor at the counter is asked by the business (the organization), not by its web site.
    expect(page).toContain('Nordic Coffee &amp; Co would like to know');
    expect(page).not.toContain('Café &lt;Nord&gt;');
    expect(page).toMatch(new RegExp(`<script [^>]*src="/w.js" data-site="${site.key}" data-touchpoint="counter"`));
    // Every script is a file; the CSP allows no inline script and its nonce is the one on the page.
    const scripts = [...page.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
    expect(scripts.length).toBe(2);
    for (const [, attrs, inner] of scripts) {
      expect(attrs).toMatch(/ src="/);
      expect(inner).toBe('');
    }
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain(`'nonce-${page.match(/nonce="([^"]+)"/)![1]}'`);
    const show = await worker.fetch(`${BASE}/t/show.js`);
    expect(show.headers.get('content-type')).toContain('javascript');
    expect(await show.text()).toContain("throughline('show')");
  });

  it('answers 404 with a page for an unknown code, and says so when the touchpoint asks nothing', async () => {
    const res = await worker.fetch(`${BASE}/t/zzzzzzzz`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('does not lead anywhere');
    const { code } = await offlineTouchpoint(await signup(), false);
    const quiet = await (await worker.fetch(`${BASE}/t/${code}`)).text();
    expect(quiet).toContain('not asking any questions');
    expect(quiet).not.toContain('/w.js');
  });

  it('takes the answers given on the page through the normal ingest (same origin)', async () => {
    const s = await signup();
    const { site } = await offlineTouchpoint(s);
    const res = await postEvents({ site: site.key, visitor: visitor(), events: [answerEvent('counter')] }, BASE);
    expect(await res.json()).toMatchObject({ accepted: 1 });
    expect((await eventRows(site.id)).answers).toBe(1);
  });
});

describe('GET /api/v1/sites/{id}/touchpoints/{key}/qr.svg', () => {
  it('is an SVG QR code of the absolute /t/{code} address, marked as a QR arrival', async () => {
    const s = await signup();
    const { site, code } = await offlineTouchpoint(s);
    const res = await s.get(`/api/v1/sites/${site.id}/touchpoints/counter/qr.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
    const svg = await res.text();
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svgMatrix(svg, 8)).toEqual(encode(`${BASE}/t/${code}?tl_qr=1`, { ecc: 'M', border: 4 }).data);
  });

  it('is 404 for an unknown touchpoint and for another tenant’s site', async () => {
    const s = await signup();
    const { site } = await offlineTouchpoint(s);
    expect((await s.get(`/api/v1/sites/${site.id}/touchpoints/nope/qr.svg`)).status).toBe(404);
    expect((await (await signup()).get(`/api/v1/sites/${site.id}/touchpoints/counter/qr.svg`)).status).toBe(404);
  });
});
