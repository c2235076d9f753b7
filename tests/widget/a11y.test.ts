// Accessibility of the prompt (WCAG 2.2 AA), in script-tag and npm mode: axe-core finds nothing, a keyboard alone
// completes it, it never takes focus when it appears, targets are at least 44 px, motion is reduced on request,
// and at 200% zoom the whole card stays on screen and usable.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MODES, type Mode } from './support/fixture-server';
import { axeViolations } from '../support/axe';
import { answer, prompt } from '../support/prompt';
import { openPage } from './support/page-probe';
import { widgetSuite } from './support/suite';
import { createTestSite, type TestSite } from './support/test-site';

const s = widgetSuite();
/** WCAG 2.2 A/AA and best practices, on the prompt only (its shadow root included): the host page is not ours. */
const promptViolations = (page: Page) =>
  axeViolations(page, {
    include: 'throughline-prompt',
    tags: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
  });

/** The element focused inside the prompt's shadow root, described; '' when focus is outside the prompt. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('throughline-prompt');
    const el = document.activeElement === host ? host?.shadowRoot?.activeElement : null;
    return el
      ? `${el.tagName.toLowerCase()}${el.getAttribute('type') ? ':' + el.getAttribute('type') : ''}${el.className ? '.' + el.className : ''}`
      : '';
  });

async function show(mode: Mode, site: TestSite, file: string, options = {}) {
  const opened = await openPage(s.browser, options);
  await opened.page.goto(s.fixtures.url(mode, site.key, file));
  await prompt(opened.page).waitFor({ timeout: 15_000 });
  return opened;
}

for (const mode of MODES) {
  describe(`${mode} accessibility`, () => {
    it('axe-core reports no violation on the prompt, light and dark, left-to-right and right-to-left, nor on the thank-you state', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin);
      for (const file of ['blank.html', 'dark.html', 'rtl.html']) {
        const { context, page } = await show(mode, site, file);
        expect(await promptViolations(page), file).toEqual([]);
        if (file === 'blank.html') {
          await answer(page);
          expect(await promptViolations(page), 'thank-you').toEqual([]);
        }
        await context.close();
      }
    });

    it('a keyboard alone completes the prompt, and focus is not stolen when it appears', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin, [
        {
          key: 'page',
          match: ['/*'],
          prompt: {
            dimensions: ['sensorial', 'affective'],
            trigger: { type: 'delay', seconds: 1 },
            sampling: 1,
            recontactDays: 30,
            comment: true,
          },
        },
      ]);
      const { context, page, posts } = await openPage(s.browser);
      await page.goto(s.fixtures.url(mode, site.key, 'blank.html'));
      await page.focus('button');
      await prompt(page).waitFor({ timeout: 15_000 });
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');

      const path: string[] = [];
      for (let i = 0; i < 12 && !path.includes('button:button.send'); i++) {
        await page.keyboard.press('Tab');
        const at = await focused(page);
        path.push(at);
        if (at === 'input:radio') for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowRight');
        if (at === 'textarea') await page.keyboard.type('by keyboard');
      }
      expect(path).toEqual(['button:button.x', 'input:radio', 'input:radio', 'textarea', 'button:button.send']);
      await page.keyboard.press('Enter');
      await prompt(page).locator('.thanks').waitFor();
      await expect.poll(() => site.counts('page'), { timeout: 15_000 }).toEqual({ n: 1, visits: 1 });
      const sent = posts.find((e) => e.type === 'answer') as { answers?: object; comment?: string } | undefined;
      expect(sent).toMatchObject({ answers: { sensorial: 4, affective: 4 }, comment: 'by keyboard' });
      await context.close();
    });

    it('every target is at least 44 × 44 px', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin);
      const { context, page } = await show(mode, site, 'blank.html');
      const small = await prompt(page).evaluate((card) =>
        Array.from(card.querySelectorAll('.opt, button, textarea'))
          .map((el) => ({ el: el.className || el.tagName, ...el.getBoundingClientRect().toJSON() }))
          .filter((b) => Math.round(b.width) < 44 || Math.round(b.height) < 44),
      );
      expect(small).toEqual([]);
      await context.close();
    });

    it('motion is reduced when the visitor asks for it', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin);
      for (const [reducedMotion, animation] of [
        ['reduce', 'none'],
        ['no-preference', 'tl-in'],
      ] as const) {
        const { context, page } = await show(mode, site, 'blank.html', { reducedMotion });
        expect(await prompt(page).evaluate((card) => getComputedStyle(card).animationName)).toBe(animation);
        await context.close();
      }
    });

    it('at 200% zoom the card stays on screen and can be completed', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin);
      // 200% zoom of a 1280 × 720 window: half the CSS pixels, twice the device pixels.
      const { context, page } = await show(mode, site, 'blank.html', {
        viewport: { width: 640, height: 360 },
        deviceScaleFactor: 2,
      });
      const box = (await prompt(page).boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(360);
      await answer(page);
      await expect.poll(() => site.counts('page'), { timeout: 15_000 }).toMatchObject({ n: 1 });
      await context.close();
    });
  });
}
