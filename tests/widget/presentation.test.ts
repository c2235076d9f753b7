// How the prompt looks where it lands, in script-tag and npm mode: inline inside a host element, the site's theme
// from the config, the host's CSS custom properties over it, and dark mode that follows the page; and when it comes:
// a delayed prompt's code is fetched ahead, while the page is idle.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MODES } from './support/fixture-server';
import { answer, prompt } from '../support/prompt';
import { openPage } from './support/page-probe';
import { widgetSuite } from './support/suite';
import { ASK_NOW, createTestSite } from './support/test-site';

const s = widgetSuite();

/** Computed styles of the card and its send button. */
const look = (page: Page) =>
  prompt(page).evaluate((card) => {
    const cs = getComputedStyle(card);
    const send = getComputedStyle(card.querySelector('button.send')!);
    return {
      position: cs.position,
      background: cs.backgroundColor,
      radius: cs.borderTopLeftRadius,
      font: cs.fontFamily,
      brand: send.backgroundColor,
    };
  });

for (const mode of MODES) {
  describe(`${mode} presentation`, () => {
    it('inline mode renders inside the host element, themed by its CSS custom properties, and submits', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin);
      const { context, page, errors } = await openPage(s.browser);
      await page.goto(s.fixtures.url(mode, site.key, 'inline.html?inline=%23feedback'));
      await prompt(page).waitFor({ timeout: 15_000 });
      expect(await page.locator('#feedback > throughline-prompt').count()).toBe(1);
      expect(await look(page)).toMatchObject({
        position: 'static',
        radius: '2px',
        font: 'Georgia, serif',
        brand: 'rgb(185, 28, 28)',
      });
      await answer(page);
      await expect.poll(() => site.counts('page'), { timeout: 15_000 }).toEqual({ n: 1, visits: 1 });
      expect(errors).toEqual([]);
      await context.close();
    });

    it("the corner card wears the site's theme from the config", async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin, undefined, {
        theme: { color: '#1d4ed8', font: 'Verdana, sans-serif', radius: 20 },
      });
      const { context, page } = await openPage(s.browser);
      await page.goto(s.fixtures.url(mode, site.key, 'blank.html'));
      await prompt(page).waitFor({ timeout: 15_000 });
      expect(await look(page)).toEqual({
        position: 'fixed',
        background: 'rgb(255, 255, 255)',
        radius: '20px',
        font: 'Verdana, sans-serif',
        brand: 'rgb(29, 78, 216)',
      });
      await context.close();
    });

    it('dark mode follows the page: a dark page, a light-only page under a dark system, a page that offers both', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin);
      const background = async (file: string, colorScheme: 'light' | 'dark') => {
        const { context, page } = await openPage(s.browser, { colorScheme });
        await page.goto(s.fixtures.url(mode, site.key, file));
        await prompt(page).waitFor({ timeout: 15_000 });
        const bg = (await look(page)).background;
        await context.close();
        return bg;
      };
      const [dark, light] = ['rgb(31, 41, 55)', 'rgb(255, 255, 255)'];
      expect(await background('dark.html', 'light')).toBe(dark);
      expect(await background('blank.html', 'dark')).toBe(light);
      expect(await background('inline.html', 'dark')).toBe(dark);
      expect(await background('inline.html', 'light')).toBe(light);
    });

    it('a prompt with a delayed trigger is fetched while the page is idle and appears when the trigger fires', async () => {
      const seconds = 3;
      const site = await createTestSite(s.baseURL, s.fixtures.origin, [
        { key: 'page', match: ['/*'], prompt: { ...ASK_NOW, trigger: { type: 'delay', seconds } } },
      ]);
      const { context, page, errors } = await openPage(s.browser);
      // The prompt's code: the script-tag chunk, or the npm build's lazily imported module.
      const chunk = page.waitForResponse((r) =>
        (mode === 'script' ? /\/w\/prompt\.[\w-]+\.js$/ : /\/show\.[\w-]+\.js$/).test(r.url()),
      );
      const opened = Date.now();
      await page.goto(s.fixtures.url(mode, site.key, 'blank.html'));
      await chunk;
      const fetchedAfter = Date.now() - opened;
      expect(await prompt(page).count()).toBe(0);
      await prompt(page).waitFor({ timeout: 15_000 });
      expect(fetchedAfter).toBeLessThan(seconds * 1000 - 500);
      expect(Date.now() - opened).toBeGreaterThanOrEqual(seconds * 1000);
      expect(errors).toEqual([]);
      await context.close();
    });
  });
}
