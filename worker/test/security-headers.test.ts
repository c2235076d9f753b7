// Response headers of what the Worker serves itself (issue 15, L5): HTTPS only, no sniffing, and the dashboard
// API's answers never cached; the QR SVG opened on its own runs and loads nothing.
import { describe, expect, it } from 'vitest';
import { BASE, createSiteWithTouchpoints, db, postEvents, signup, visitor, answerEvent, worker } from './helpers';

describe('security headers', () => {
  it('sends nosniff and HSTS everywhere, no-store on authenticated JSON, and a CSP on the QR SVG', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, ['https://shop.example']);
    const code = (await db
      .prepare("SELECT code FROM touchpoints WHERE site_id = ? AND key = 'checkout'")
      .bind(site.id)
      .first<{ code: string }>())!.code;
    const responses: Record<string, Response> = {
      me: await s.get('/api/v1/me'),
      sites: await s.get('/api/v1/sites'),
      apiError: await s.get('/api/v1/sites/nope'),
      config: await worker.fetch(`${BASE}/v1/sites/${site.key}/config`),
      ingest: await postEvents({ site: site.key, visitor: visitor(), events: [answerEvent()] }),
      hosted: await worker.fetch(`${BASE}/t/${code}`),
      qr: await s.get(`/api/v1/sites/${site.id}/touchpoints/checkout/qr.svg`),
    };
    for (const [name, res] of Object.entries(responses)) {
      expect(res.headers.get('x-content-type-options'), name).toBe('nosniff');
      expect(res.headers.get('strict-transport-security'), name).toMatch(/^max-age=\d{8,}/);
    }
    for (const name of ['me', 'sites', 'apiError'])
      expect(responses[name]!.headers.get('cache-control'), name).toBe('no-store');
    expect(responses.qr!.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(responses.qr!.headers.get('content-security-policy')).toContain('sandbox');
    // The public config stays cacheable.
    expect(responses.config!.headers.get('cache-control')).toContain('public');
  });
});
