// Asking politely across reloads and tabs: the journey ask budget and a touchpoint's recontact period hold
// whichever tab or page load the visitor is on (the state lives in the site's localStorage).
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MODES, type Mode } from './support/fixture-server';
import { answer, prompt } from '../support/prompt';
import { openPage } from './support/page-probe';
import { widgetSuite } from './support/suite';
import { ASK_NOW, createTestSite, type TestSite } from './support/test-site';

const s = widgetSuite();
const TOUCHPOINTS = [
  { key: 'first', prompt: ASK_NOW },
  { key: 'second', prompt: ASK_NOW },
];

/** Opens a touchpoint in a tab (a new one in `context`, or a reload of `page`) and tells whether a prompt appeared. */
async function asked(mode: Mode, site: TestSite, tab: Page, touchpoint: string): Promise<boolean> {
  const visited = tab.waitForRequest(
    (r) => r.url().endsWith('/v1/events') && (r.postData() ?? '').includes(`"touchpoint":"${touchpoint}"`),
  );
  await tab.goto(s.fixtures.url(mode, site.key, `blank.html?touchpoint=${touchpoint}`));
  await visited;
  // An immediate prompt loads its chunk right after the visit is queued: give it ample time to appear.
  return prompt(tab)
    .waitFor({ timeout: 5_000 })
    .then(
      () => true,
      () => false,
    );
}

const newTab = (context: BrowserContext) => context.newPage();

for (const mode of MODES) {
  describe(`${mode} fatigue`, () => {
    it('the journey ask budget (one prompt a week) holds across reloads and tabs', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin, TOUCHPOINTS, {
        budget: { prompts: 1, periodDays: 7 },
      });
      const { context, page } = await openPage(s.browser);
      expect(await asked(mode, site, page, 'first')).toBe(true);
      await page.keyboard.press('Escape'); // focus is still on the page: Esc there must not close it …
      expect(await prompt(page).count()).toBe(1);
      expect(await asked(mode, site, page, 'second')).toBe(false); // … and a reload on another touchpoint asks nothing
      expect(await asked(mode, site, await newTab(context), 'second')).toBe(false);
      await context.close();
    });

    it('the recontact period holds across reloads and tabs; other touchpoints still ask', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin, TOUCHPOINTS);
      const { context, page } = await openPage(s.browser);
      expect(await asked(mode, site, page, 'first')).toBe(true);
      await answer(page);
      expect(await asked(mode, site, page, 'first')).toBe(false);
      const tab = await newTab(context);
      expect(await asked(mode, site, tab, 'first')).toBe(false);
      expect(await asked(mode, site, tab, 'second')).toBe(true);
      await expect.poll(() => site.counts('first'), { timeout: 15_000 }).toEqual({ n: 1, visits: 3 });
      await context.close();
    });
  });
}
