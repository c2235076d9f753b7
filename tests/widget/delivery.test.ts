// Nothing lost, nothing counted twice, in script-tag and npm mode: answers given offline, during a 503, just before
// leaving the page, or in two tabs at once all reach D1 exactly once (counted through the API).
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MODES } from './support/fixture-server';
import { answer, prompt, sendAnswer } from '../support/prompt';
import { openPage } from './support/page-probe';
import { widgetSuite } from './support/suite';
import { createTestSite } from './support/test-site';

const s = widgetSuite();

/** The site's outboxes (one per tab) in this origin's localStorage, joined; null when everything was delivered. */
const outbox = (page: Page, site: string) =>
  page.evaluate(
    (k) =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith(`tl:${k}:q`))
        .map((key) => localStorage.getItem(key))
        .join('') || null,
    site,
  );

/** Answers with 503s from the events endpoint until `recover()` is called (fault injection on the network). */
async function failingEvents(context: BrowserContext, baseURL: string) {
  let failing = true;
  let refused = 0;
  await context.route(`${baseURL}/v1/events`, (r) =>
    failing
      ? (refused++, r.fulfill({ status: 503, headers: { 'retry-after': '1', 'access-control-allow-origin': '*' } }))
      : r.continue(),
  );
  return { refused: () => refused, recover: () => void (failing = false) };
}

for (const mode of MODES) {
  describe(`${mode} delivery`, () => {
    it('offline → reload → the answer is delivered once', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin);
      const { context, page, errors } = await openPage(s.browser);
      await page.goto(s.fixtures.url(mode, site.key, 'blank.html'));
      await expect.poll(() => site.counts('page'), { timeout: 15_000 }).toEqual({ n: 0, visits: 1 });
      await context.setOffline(true);
      await answer(page);
      await expect.poll(() => outbox(page, site.key), { timeout: 15_000 }).toContain('"answer"');
      await context.setOffline(false);
      await page.reload();
      await expect.poll(() => site.counts('page'), { timeout: 15_000 }).toEqual({ n: 1, visits: 2 });
      await expect.poll(() => outbox(page, site.key), { timeout: 15_000 }).toBeNull();
      expect(await prompt(page).count()).toBe(0);
      expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
      await context.close();
    });

    it('API 503, then back → delivered once', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin);
      const { context, page } = await openPage(s.browser);
      const api = await failingEvents(context, s.baseURL);
      await page.goto(s.fixtures.url(mode, site.key, 'blank.html'));
      await answer(page);
      await expect.poll(() => api.refused(), { timeout: 15_000 }).toBeGreaterThan(1);
      expect(await site.counts('page')).toEqual({ n: 0, visits: 0 });
      api.recover();
      await expect.poll(() => site.counts('page'), { timeout: 20_000 }).toEqual({ n: 1, visits: 1 });
      await expect.poll(() => outbox(page, site.key), { timeout: 15_000 }).toBeNull();
      await context.close();
    });

    it('answer, then leave the page at once → delivered', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin);
      const { context, page } = await openPage(s.browser);
      await page.goto(s.fixtures.url(mode, site.key, 'blank.html'));
      await sendAnswer(page, 5);
      await page.goto(s.fixtures.url('none', site.key, 'rtl.html'));
      await expect.poll(() => site.counts('page'), { timeout: 15_000 }).toEqual({ n: 1, visits: 1 });
      await context.close();
    });

    it('two tabs answering while the API is down → none lost, none duplicated', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin);
      const { context, page: one } = await openPage(s.browser);
      const two = await context.newPage();
      const api = await failingEvents(context, s.baseURL);
      await Promise.all([one, two].map((p) => p.goto(s.fixtures.url(mode, site.key, 'blank.html'))));
      await Promise.all([answer(one), answer(two)]);
      await expect.poll(() => api.refused(), { timeout: 15_000 }).toBeGreaterThan(1);
      api.recover();
      await expect.poll(() => site.counts('page'), { timeout: 20_000 }).toEqual({ n: 2, visits: 2 });
      await expect.poll(() => outbox(one, site.key), { timeout: 15_000 }).toBeNull();
      await context.close();
    });
  });
}
