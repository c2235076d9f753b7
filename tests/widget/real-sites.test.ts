// The widget on pages built like real customer sites (issue 16), in script-tag and npm mode: a Trusted Types CSP, a
// client-side router, an answer given just before leaving, blocked and full storage, sandboxed frames, Web Locks that
// throw, a body that lays out its children with grid, a framework zone that waits for timers, a page whose libraries
// replaced Array.from. Each fixture page reproduces one condition; each test asserts what a visitor or the site owner
// would notice.
import type { Dimension } from '@throughline/schema';
import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startCountingProxy } from './support/counting-proxy';
import { MODES, startFixtureServer } from './support/fixture-server';
import { answer, prompt, sendAnswer } from '../support/prompt';
import { openPage } from './support/page-probe';
import { widgetSuite } from './support/suite';
import { ASK_NOW, createTestSite, type TestSite } from './support/test-site';

const s = widgetSuite();
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** True when a prompt appears within `ms` (an immediate prompt shows well within it once its visit is sent). */
const appears = (page: Page, ms = 4_000) =>
  prompt(page)
    .waitFor({ timeout: ms })
    .then(
      () => true,
      () => false,
    );

/** The first question of the prompt on screen: tells which touchpoint's prompt it is. */
const question = (page: Page) => prompt(page).locator('legend').first().innerText();

/** Whether the whole card, and its Close button, lie inside the viewport (as drawn, zoom included). */
const onScreen = (page: Page) =>
  prompt(page).evaluate((card) => {
    const inside = (r: DOMRect) =>
      r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5;
    return {
      card: inside(card.getBoundingClientRect()),
      close: inside(card.querySelector('button.x')!.getBoundingClientRect()),
    };
  });

/** The share of the viewport the card covers. */
const share = (page: Page) =>
  prompt(page).evaluate((card) => {
    const r = card.getBoundingClientRect();
    return (r.width * r.height) / (innerWidth * innerHeight);
  });

/** Whether anything of the page lies over a corner of the card (what the visitor's pointer would hit there). */
const covered = (page: Page) =>
  prompt(page).evaluate((card) => {
    const r = card.getBoundingClientRect();
    const host = (card.getRootNode() as ShadowRoot).host;
    // Just inside the rounded corners (radius 12 px here).
    return [r.left + 6, r.right - 6].some((x) =>
      [r.top + 6, r.bottom - 6].some((y) => document.elementFromPoint(x, y) !== host),
    );
  });

/** Opens a page and waits until its visit to `touchpoint` has reached the worker. */
async function visit(site: TestSite, page: Page, url: string, visits: number, touchpoint = 'page') {
  await page.goto(url);
  await expect.poll(() => site.counts(touchpoint), { timeout: 15_000 }).toMatchObject({ visits });
}

/** Answers the prompt inside a frame with the mouse, as `answer` does on a page. */
async function answerInFrame(frame: FrameLocator) {
  const card = frame.locator('throughline-prompt section[role="region"]');
  await card.waitFor({ timeout: 15_000 });
  const groups = card.locator('fieldset');
  for (let i = 0, n = await groups.count(); i < n; i++) await groups.nth(i).locator('.opt').nth(3).click();
  await card.locator('button.send').click();
  await card.locator('.thanks').waitFor({ timeout: 5_000 });
}

for (const mode of MODES) {
  const url = (site: TestSite, page: string) => s.fixtures.url(mode, site.key, page);

  describe(`${mode} install on real customer sites`, () => {
    it('Trusted Types (require-trusted-types-for script, no default policy): the prompt shows and the answer is stored, with no console error', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin);
      const { context, page, errors } = await openPage(s.browser);
      await page.goto(url(site, 'trusted-types.html'));
      await answer(page);
      await expect.poll(() => site.counts('page'), { timeout: 15_000 }).toEqual({ n: 1, visits: 1 });
      expect(errors).toEqual([]);
      await context.close();
    });

    it('a client-side router: every route change asks again when due; an answered prompt is not asked again, an unanswered one is', async () => {
      const own = (dimension: Dimension) => ({ ...ASK_NOW, dimensions: [dimension], comment: false });
      const site = await createTestSite(s.baseURL, s.fixtures.origin, [
        { key: 'home', match: ['/*/router/home'], prompt: own('sensorial') },
        { key: 'shop', match: ['/*/router/shop'], prompt: own('cognitive') },
        { key: 'checkout', match: ['/*/router/checkout'], prompt: own('importance') },
      ]);
      const { context, page, errors, posts } = await openPage(s.browser);
      await page.goto(url(site, 'router/home'));
      await expect.poll(() => question(page), { timeout: 15_000 }).toBe('How does this page look and feel?');
      // Left unanswered: navigation removes it …
      await page.click('a[href="shop"]');
      await expect.poll(() => question(page), { timeout: 15_000 }).toBe('How easy was it to find what you needed?');
      await answer(page);
      await page.click('a[href="checkout"]');
      await expect.poll(() => question(page), { timeout: 15_000 }).toBe('How much does this step matter to you?');
      // … and it is offered again on a later visit to its route; the answered one is not.
      const visits = () => posts.filter((e) => e.type === 'visit').map((e) => e.touchpoint);
      await page.goBack(); // back on the shop, answered: it does not ask again
      await expect.poll(visits, { timeout: 15_000 }).toEqual(['home', 'shop', 'checkout', 'shop']);
      await page.goBack();
      await expect.poll(() => question(page), { timeout: 15_000 }).toBe('How does this page look and feel?');
      await page.click('a[href="shop"]');
      await expect.poll(visits, { timeout: 15_000 }).toEqual(['home', 'shop', 'checkout', 'shop', 'home', 'shop']);
      expect(await appears(page, 3_000)).toBe(false);
      await expect.poll(() => site.counts('shop'), { timeout: 15_000 }).toEqual({ n: 1, visits: 3 });
      expect(errors).toEqual([]);
      await context.close();
    });

    it('an answer given just before leaving the page is delivered once, not once more per page-hide event', async () => {
      // The widget's server is reached through a proxy that counts what arrives, and holds an answer back a second:
      // the keepalive fetch is still on its way when the visitor leaves.
      const proxy = await startCountingProxy(s.baseURL, (body) => (body.includes('"answer"') ? 1_000 : 0));
      const fixtures = await startFixtureServer(proxy.origin);
      const site = await createTestSite(s.baseURL, fixtures.origin);
      const { context, page } = await openPage(s.browser);
      await visit(site, page, fixtures.url(mode, site.key, 'blank.html'), 1);
      await sendAnswer(page, 5);
      await expect.poll(() => proxy.posts.filter((b) => b.includes('"answer"')).length, { timeout: 5_000 }).toBe(1);
      await page.goto(fixtures.url('none', site.key, 'blank.html'));
      await expect.poll(() => site.counts('page'), { timeout: 15_000 }).toEqual({ n: 1, visits: 1 });
      await wait(1_500);
      expect(proxy.posts.filter((b) => b.includes('"answer"'))).toHaveLength(1);
      await context.close();
      await fixtures.close();
      await proxy.close();
    });

    it('blocked storage: visits are recorded, and no prompt is shown that could not be remembered', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin);
      const { context, page, errors } = await openPage(s.browser);
      await visit(site, page, url(site, 'blocked-storage.html'), 1);
      expect(await appears(page)).toBe(false);
      await visit(site, page, url(site, 'blocked-storage.html'), 2);
      expect(await appears(page)).toBe(false);
      expect(errors).toEqual([]);
      await context.close();
    });

    it('full storage: the widget makes room by removing what an older install of ours left, and the recontact period holds after a reload', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin);
      const { context, page, errors } = await openPage(s.browser);
      await visit(site, page, url(site, 'full-storage.html'), 1);
      await answer(page);
      await expect.poll(() => site.counts('page'), { timeout: 15_000 }).toEqual({ n: 1, visits: 1 });
      await visit(site, page, url(site, 'full-storage.html'), 2);
      expect(await appears(page)).toBe(false);
      const left = await page.evaluate(() => ({
        old: localStorage.getItem('tl:old-site:q.gone'),
        own: Object.keys(localStorage).filter((k) => k.startsWith('app:')).length,
      }));
      expect(left.old).toBeNull();
      expect(left.own).toBeGreaterThan(5); // the page's own data is untouched
      expect(errors).toEqual([]);
      await context.close();
    });

    it('a sandboxed frame without allow-forms: Send works', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin);
      const { context, page, errors } = await openPage(s.browser);
      await page.goto(url(site, 'framed.html'));
      await answerInFrame(page.frameLocator('iframe'));
      await expect.poll(() => site.counts('page'), { timeout: 15_000 }).toEqual({ n: 1, visits: 1 });
      expect(errors).toEqual([]);
      await context.close();
    });

    it('a sandboxed frame with origin null, which the site does not allow: no prompt, nothing sent, no error', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin);
      const { context, page, errors } = await openPage(s.browser);
      const sent: string[] = [];
      page.on('request', (r) => r.url().endsWith('/v1/events') && sent.push(r.method()));
      const config = page.waitForResponse((r) => r.url().endsWith(`/v1/sites/${site.key}/config`));
      await page.goto(url(site, 'opaque-frame.html'));
      expect((await config).status()).toBe(200);
      await wait(3_000);
      expect(await page.frameLocator('iframe').locator('throughline-prompt').count()).toBe(0);
      await page.goto('about:blank'); // leaving sends nothing either
      await wait(500);
      expect(sent).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });

    it('Web Locks that throw: the visit and the answer are delivered all the same', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin);
      const { context, page, errors } = await openPage(s.browser);
      await visit(site, page, url(site, 'no-locks.html'), 1);
      await answer(page);
      await expect.poll(() => site.counts('page'), { timeout: 15_000 }).toEqual({ n: 1, visits: 1 });
      expect(errors).toEqual([]);
      await context.close();
    });

    it('a body that centres its children with grid: nothing on the page moves when the prompt appears', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin);
      const blocks = (page: Page) =>
        page.evaluate(() =>
          Array.from(document.querySelectorAll('.block'), (e) => JSON.stringify(e.getBoundingClientRect())),
        );
      const { context, page } = await openPage(s.browser);
      await page.goto(s.fixtures.url('none', site.key, 'grid-body.html'));
      const before = await blocks(page);
      await page.goto(url(site, 'grid-body.html'));
      await prompt(page).waitFor({ timeout: 15_000 });
      await wait(500);
      expect(await blocks(page)).toEqual(before);
      // Cumulative layout shift of the page so far (the observer reports buffered entries; none come when nothing moved).
      const shift = await page.evaluate(
        () =>
          new Promise<number>((r) => {
            let sum = 0;
            new PerformanceObserver((list) => {
              for (const e of list.getEntries()) sum += (e as unknown as { value: number }).value;
            }).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => r(sum), 300);
          }),
      );
      expect(shift).toBe(0);
      await context.close();
    });

    it('page zoom (html { zoom: 1.5 }): the card fits the viewport and its Close button can be clicked', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin, [
        { key: 'page', match: ['/*'], prompt: { ...ASK_NOW, dimensions: ['sensorial', 'affective', 'cognitive'] } },
      ]);
      const { context, page, errors } = await openPage(s.browser);
      await page.goto(url(site, 'zoomed.html'));
      await prompt(page).waitFor({ timeout: 15_000 });
      expect(await onScreen(page)).toEqual({ card: true, close: true });
      await prompt(page).locator('button.x').click({ timeout: 5_000 });
      await expect.poll(() => prompt(page).count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    });

    it('200% browser zoom, a long prompt: the card scrolls inside, its Close button stays on screen, Send can be reached', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin, [
        { key: 'page', match: ['/*'], prompt: { ...ASK_NOW, dimensions: ['sensorial', 'affective', 'cognitive'] } },
      ]);
      const { context, page } = await openPage(s.browser, {
        viewport: { width: 640, height: 360 },
        deviceScaleFactor: 2,
      });
      await page.goto(url(site, 'blank.html'));
      await prompt(page).waitFor({ timeout: 15_000 });
      expect(await onScreen(page)).toEqual({ card: true, close: true });
      await prompt(page).locator('button.send').scrollIntoViewIfNeeded();
      expect(await onScreen(page)).toEqual({ card: true, close: true });
      await answer(page);
      await expect.poll(() => site.counts('page'), { timeout: 15_000 }).toMatchObject({ n: 1 });
      await context.close();
    });

    for (const [held, width, height] of [
      ['upright', 375, 667],
      ['on its side', 667, 375],
    ] as const)
      it(`a phone held ${held}: the prompt waits for the visitor to scroll, opens compact on at most 40% of the screen, and grows within it`, async () => {
        const site = await createTestSite(s.baseURL, s.fixtures.origin);
        const phone = { viewport: { width, height }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
        const { context, page, errors } = await openPage(s.browser, phone);
        await visit(site, page, url(site, 'article.html'), 1);
        expect(await appears(page, 2_000)).toBe(false); // the title and first paragraph stay free while the page is read
        await page.evaluate(() => scrollBy(0, 120));
        await prompt(page).waitFor({ timeout: 5_000 });
        await wait(500);
        expect(await prompt(page).locator('fieldset').count()).toBe(1);
        expect(await share(page)).toBeLessThanOrEqual(0.4);
        await prompt(page).locator('fieldset .opt').nth(3).click();
        await expect.poll(() => prompt(page).locator('fieldset').count()).toBe(2);
        expect(await share(page)).toBeLessThanOrEqual(0.4);
        expect(await onScreen(page)).toEqual({ card: true, close: true });
        await prompt(page).locator('button.send').click();
        await prompt(page).locator('.thanks').waitFor();
        await expect.poll(() => site.counts('page'), { timeout: 15_000 }).toEqual({ n: 1, visits: 1 });
        expect(errors).toEqual([]);
        await context.close();
      });

    it('a consent banner across the bottom at the top z-index, there from the start or coming later: the card moves where nothing covers it', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin, [
        { key: 'page', match: ['/*'], prompt: ASK_NOW },
        { key: 'other', prompt: ASK_NOW },
      ]);
      const { context, page, errors } = await openPage(s.browser);
      await page.goto(url(site, 'banner.html'));
      await prompt(page).waitFor({ timeout: 15_000 });
      await expect.poll(() => covered(page), { timeout: 5_000 }).toBe(false);
      await answer(page); // with the mouse: a click on a covered target would not reach it

      await page.goto(url(site, 'blank.html?touchpoint=other'));
      await prompt(page).waitFor({ timeout: 15_000 });
      await wait(500);
      expect(await covered(page)).toBe(false);
      await page.evaluate(() => {
        const banner = document.createElement('div');
        banner.style.cssText =
          'position:fixed;left:0;right:0;bottom:0;height:100px;z-index:2147483647;background:#111827';
        document.body.append(banner);
      });
      await expect.poll(() => covered(page), { timeout: 5_000 }).toBe(false);
      expect(errors).toEqual([]);
      await context.close();
    });

    it("a framework zone that waits for timers (Angular's NgZone): the app becomes stable, and no interval is left running", async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin);
      const { context, page, errors } = await openPage(s.browser);
      await page.goto(url(site, 'zone.html'));
      await prompt(page).waitFor({ timeout: 15_000 });
      await expect
        .poll(
          () =>
            page.evaluate(
              () => (window as unknown as { ngZone: { hasPendingMacrotasks: boolean } }).ngZone.hasPendingMacrotasks,
            ),
          { timeout: 10_000 },
        )
        .toBe(false);
      expect(await page.evaluate(() => (window as unknown as { liveIntervals: number }).liveIntervals)).toBe(0);
      await answer(page);
      await expect.poll(() => site.counts('page'), { timeout: 15_000 }).toEqual({ n: 1, visits: 1 });
      expect(errors).toEqual([]);
      await context.close();
    });

    it('a page whose library replaced Array.from (Prototype, MooTools): the visitor id is 21 base-36 characters', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin);
      const { context, page } = await openPage(s.browser);
      const ids: string[] = [];
      page.on('request', (r) => r.url().endsWith('/v1/events') && ids.push(JSON.parse(r.postData() ?? '{}').visitor));
      await visit(site, page, url(site, 'prototype.html'), 1);
      expect(ids[0]).toMatch(/^[0-9a-z]{21}$/);
      await context.close();
    });
  });
}
