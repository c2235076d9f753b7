// Signed journey links (issue 15, M4): only a valid, unexpired link of the same site joins a visit to its journey.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createSiteWithTouchpoints, postEvents, signup, visitEvent, visitor, worker, BASE } from '../../test/helpers';
import { journeyLinkSecret, resolveJourneyLink, signJourneyLink, verifyJourneyLink } from './journey-link';

const secret = 'a-test-secret';
const now = Date.parse('2026-11-30T10:00:00Z');
const inAnHour = now / 1000 + 3600;

describe('resolveJourneyLink', () => {
  it('gives the linked journey for a valid, unexpired link of the same site', async () => {
    const link = await signJourneyLink({ secret, site: 'site-a', journey: 'order-4711-abc', expiresAt: inAnHour });
    expect(link).toMatch(/^order-4711-abc\.[0-9a-z]+\.[A-Za-z0-9_-]{43}$/);
    expect(await resolveJourneyLink({ secret, site: 'site-a', visitor: 'my-own-id-123', link, now })).toBe(
      'order-4711-abc',
    );
    expect(await verifyJourneyLink({ secret, site: 'site-a', link, now })).toEqual({
      journey: 'order-4711-abc',
      expiresAt: Math.floor(inAnHour),
    });
  });

  it("keeps the visitor's own id for an unsigned, forged, expired or foreign link", async () => {
    const link = await signJourneyLink({ secret, site: 'site-a', journey: 'order-4711-abc', expiresAt: inAnHour });
    const [journey, expires, sig] = link.split('.') as [string, string, string];
    const forged = [
      'attacker-journey-1', // an unsigned id, as the widget adopted before
      `attacker-journey-1.${expires}.${sig}`, // another journey under the signature
      `${journey}.${(Math.floor(inAnHour) + 86_400 * 365).toString(36)}.${sig}`, // a later expiry
      `${journey}.${expires}.${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`, // a changed signature
      '',
      null,
      undefined,
      'x.y.z',
    ];
    for (const l of forged)
      expect(
        await resolveJourneyLink({ secret, site: 'site-a', visitor: 'my-own-id-123', link: l, now }),
        String(l),
      ).toBe('my-own-id-123');
    expect(await resolveJourneyLink({ secret, site: 'site-b', visitor: 'my-own-id-123', link, now })).toBe(
      'my-own-id-123',
    );
    expect(
      await resolveJourneyLink({ secret: 'another-secret', site: 'site-a', visitor: 'my-own-id-123', link, now }),
    ).toBe('my-own-id-123');
    expect(
      await resolveJourneyLink({ secret, site: 'site-a', visitor: 'my-own-id-123', link, now: inAnHour * 1000 + 1 }),
    ).toBe('my-own-id-123');
  });
});

describe('journey links through the worker', () => {
  it('an editor makes a link for a customer journey; a visit carrying it is accepted; another site cannot use it', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, ['https://shop.example']);
    const res = await s.send('POST', `/api/v1/sites/${site.id}/journey-links`, {
      journey: 'order-4711-abc',
      expiresInDays: 14,
    });
    expect(res.status).toBe(201);
    const made = await res.json<{ journey: string; link: string; param: string; expiresAt: string }>();
    expect(made).toMatchObject({ journey: 'order-4711-abc', param: 'tl_j' });
    expect(Date.parse(made.expiresAt) - Date.now()).toBeGreaterThan(13 * 86_400_000);
    const key = await journeyLinkSecret(env);
    expect(
      await resolveJourneyLink({
        secret: key,
        site: site.id,
        visitor: 'own-id-12345',
        link: made.link,
        now: Date.now(),
      }),
    ).toBe('order-4711-abc');
    const other = await createSiteWithTouchpoints(s);
    expect(
      await resolveJourneyLink({
        secret: key,
        site: other.id,
        visitor: 'own-id-12345',
        link: made.link,
        now: Date.now(),
      }),
    ).toBe('own-id-12345');
    // The wire format takes the link on a visit.
    const sent = await postEvents({
      site: site.key,
      visitor: visitor(),
      events: [visitEvent('checkout', { link: made.link })],
    });
    expect(await sent.json()).toMatchObject({ accepted: 1, rejected: [] });
    const bad = await postEvents({
      site: site.key,
      visitor: visitor(),
      events: [visitEvent('checkout', { link: 'not a link' })],
    });
    expect(bad.status).toBe(400);
  });

  it('hands the widget a short-lived link for its own visitor id, never cached', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    const v = visitor();
    const res = await worker.fetch(`${BASE}/v1/sites/${site.key}/journey-link?visitor=${v}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { link, expiresAt } = await res.json<{ link: string; expiresAt: string }>();
    expect(link.startsWith(`${v}.`)).toBe(true);
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(3_600_000);
    expect((await worker.fetch(`${BASE}/v1/sites/${site.key}/journey-link?visitor=no`)).status).toBe(400);
    expect((await worker.fetch(`${BASE}/v1/sites/tl_nosuchsite/journey-link?visitor=${v}`)).status).toBe(404);
  });
});
