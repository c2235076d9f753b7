// Journey links (issue 15, M4): a visitor arriving with `?tl_j=` sends the link with this tab's visits, for the worker
// to verify, keeps their own visitor id for later journeys, and loses the parameter from the address bar. An
// unsigned id, as an ad or a forum post could carry, is not adopted. Links to partner domains carry the tab's link.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { apiClient, must } from '../../scripts/lib/api-client.mjs';
import { MODES } from './support/fixture-server';
import { openPage } from './support/page-probe';
import { widgetSuite } from './support/suite';
import { createTestSite } from './support/test-site';

const s = widgetSuite();

/** Opens `url` in `page` and returns the first visit event it sends. */
async function visitOf(page: Page, url: string): Promise<{ link?: string }> {
  const sent = page.waitForRequest((r) => r.url().endsWith('/v1/events') && (r.postData() ?? '').includes('"visit"'));
  await page.goto(url);
  return JSON.parse((await sent).postData()!).events.find((e: { type: string }) => e.type === 'visit');
}

for (const mode of MODES) {
  describe(`${mode} journey links`, () => {
    it('sends a signed link with the tab’s visits, keeps the own visitor id, strips tl_j; ignores an unsigned id', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin, [{ key: 'page', match: ['/*'], prompt: null }]);
      const { api } = apiClient(s.baseURL, { cookie: inject('demoCookie') });
      const { link } = await must(
        api.sites[':id']['journey-links'].$post({ param: { id: site.id }, json: { journey: 'order-4711-abc' } }),
      );
      const page = s.fixtures.url(mode, site.key, 'blank.html?touchpoint=page');
      const ownId = (p: Page) => p.evaluate((k) => localStorage.getItem(`tl:${k}:v`), site.key);

      const { context, page: first } = await openPage(s.browser);
      expect((await visitOf(first, page)).link).toBeUndefined();
      const own = await ownId(first);
      expect(own).toMatch(/^"\w{8,}"$/);

      const linked = await context.newPage();
      expect((await visitOf(linked, `${page}&tl_j=${link}`)).link).toBe(link);
      // (the parameter, not the text: a site key may begin with `tl_j`)
      expect(new URL(linked.url()).searchParams.has('tl_j')).toBe(false);
      expect(await ownId(linked)).toBe(own);

      const forged = await context.newPage();
      expect((await visitOf(forged, `${page}&tl_j=attacker-journey-1`)).link).toBeUndefined();
      expect(new URL(forged.url()).searchParams.has('tl_j')).toBe(false);
      expect(await ownId(forged)).toBe(own);
      await context.close();
    });

    it('joins a visit on another device, arriving by the link, to the journey: the overview counts the hop once', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin, [
        { key: 'shop', match: ['/never-shop'], prompt: null },
        { key: 'parcel', match: ['/never-parcel'], prompt: null },
      ]);
      const { api } = apiClient(s.baseURL, { cookie: inject('demoCookie') });
      const shopper = await openPage(s.browser);
      await visitOf(shopper.page, s.fixtures.url(mode, site.key, 'blank.html?touchpoint=shop'));
      const journey = JSON.parse((await shopper.page.evaluate((k) => localStorage.getItem(`tl:${k}:v`), site.key))!);
      // the order email carries a link for this journey; it is opened on a phone that never saw the shop
      const { link } = await must(
        api.sites[':id']['journey-links'].$post({ param: { id: site.id }, json: { journey } }),
      );
      const phone = await openPage(s.browser);
      expect(
        (await visitOf(phone.page, `${s.fixtures.url(mode, site.key, 'blank.html?touchpoint=parcel')}&tl_j=${link}`))
          .link,
      ).toBe(link);
      const moves = async () => {
        const o = await must(api.sites[':id'].analytics.overview.$get({ param: { id: site.id }, query: {} }));
        return o.connectivity.transitions.map((t) => [t.from, t.to, t.count]);
      };
      await expect.poll(moves, { timeout: 15_000 }).toEqual([['shop', 'parcel', 1]]);
      await shopper.context.close();
      await phone.context.close();
    });

    it('carries the journey link on links to a partner given as localhost with a port, and only that port', async () => {
      // The partner here is the worker's own local origin: another origin than the fixture pages, as in local testing.
      const partner = new URL(s.baseURL).host;
      expect(partner).toMatch(/^localhost:\d+$/);
      const site = await createTestSite(s.baseURL, s.fixtures.origin, [{ key: 'page', match: ['/*'], prompt: null }], {
        partners: [partner],
      });
      const { context, page } = await openPage(s.browser);
      await visitOf(page, s.fixtures.url(mode, site.key, 'blank.html?touchpoint=page'));
      /** The address a click on a link to `href` leaves with (the navigation itself is cancelled). */
      const clicked = (href: string) =>
        page.evaluate((h) => {
          const a = Object.assign(document.createElement('a'), { href: h, textContent: 'go' });
          a.addEventListener('click', (e) => e.preventDefault());
          document.body.append(a);
          a.click();
          a.remove();
          return a.href;
        }, href);
      await expect
        .poll(async () => new URL(await clicked(`${s.baseURL}/track`)).searchParams.get('tl_j'), { timeout: 10_000 })
        .toMatch(/^[\w-]{8,64}\.[0-9a-z]{1,10}\.[\w-]{43}$/);
      expect(await clicked('http://localhost:1/track')).toBe('http://localhost:1/track');
      await context.close();
    });
  });
}
