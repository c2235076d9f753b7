// What the visitor did with each prompt (issue 14, response rate): the built widget records `shown` when the card
// appears, `dismissed` when it is closed unanswered and `answered` beside the answer; the hosted page /t/{code}
// records them through the same widget. Checked in what the page sends and in the overview's counts (the live path).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginAsDemo } from '../support/demo-login';
import { answer, prompt } from '../support/prompt';
import { MODES } from './support/fixture-server';
import { openPage, type PostedEvent } from './support/page-probe';
import { widgetSuite } from './support/suite';
import { ASK_NOW, createTestSite } from './support/test-site';

const s = widgetSuite();

/** The outcomes of the prompt events sent so far, in order. */
const outcomes = (posts: PostedEvent[]) => posts.filter((e) => e.type === 'prompt').map((e) => e.outcome);

/** Waits until the page has sent a prompt event with this outcome. */
const sent = (page: Page, outcome: string) =>
  page.waitForRequest(
    (r) => r.url().endsWith('/v1/events') && (r.postData() ?? '').includes(`"outcome":"${outcome}"`),
    { timeout: 15_000 },
  );

for (const mode of MODES) {
  describe(`${mode} prompt events`, () => {
    it('sends shown once the card is visible, dismissed when it is closed, answered beside the answer; the overview counts them', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin, [
        { key: 'page', match: ['/*'], prompt: { ...ASK_NOW, trigger: { type: 'delay', seconds: 2 } } },
      ]);
      const url = s.fixtures.url(mode, site.key, 'blank.html');

      // A delayed prompt: its chunk is fetched early, but nothing is "shown" before the card is on screen.
      const first = await openPage(s.browser);
      const shown = sent(first.page, 'shown');
      await first.page.goto(url);
      await first.page.waitForTimeout(1_000);
      expect(outcomes(first.posts)).toEqual([]);
      await shown;
      await expect.poll(() => prompt(first.page).evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
      const dismissed = sent(first.page, 'dismissed');
      await prompt(first.page).locator('button.x').click();
      await dismissed;
      expect(await prompt(first.page).count()).toBe(0);
      expect(outcomes(first.posts)).toEqual(['shown', 'dismissed']);

      const second = await openPage(s.browser);
      await second.page.goto(url);
      const answered = sent(second.page, 'answered');
      await answer(second.page);
      await answered;
      expect(outcomes(second.posts)).toEqual(['shown', 'answered']);
      const events = second.posts;
      expect(events.filter((e) => e.type === 'answer')).toHaveLength(1);
      // Every prompt event is of the page's touchpoint and has its own id.
      expect(events.filter((e) => e.type === 'prompt').every((e) => e.touchpoint === 'page')).toBe(true);
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);

      await expect
        .poll(() => site.prompts('page'), { timeout: 15_000 })
        .toEqual({ shown: 2, dismissed: 1, answered: 1 });
      // and on the touchpoint's page in the dashboard, as a CX team reads it
      const team = await s.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const dashboard = await team.newPage();
      await loginAsDemo(dashboard, s.baseURL);
      await dashboard.goto(`${s.baseURL}/sites/${site.id}/touchpoints/page`);
      const rate = dashboard.getByTestId('tp-response-rate');
      await rate.waitFor();
      expect(await rate.textContent()).toMatch(
        /^Prompt shown 2 times: answered 50% \(95% interval 9–91%\), dismissed 50%\.$/,
      );
      await team.close();
      expect([...first.errors, ...second.errors]).toEqual([]);
      await first.context.close();
      await second.context.close();
    });
  });
}

describe('hosted page prompt events', () => {
  it('the hosted page /t/{code} asks about the visit, names the organization, and records shown and answered', async () => {
    const site = await createTestSite(s.baseURL, s.fixtures.origin, [
      { key: 'counter', channel: 'offline', prompt: ASK_NOW },
    ]);
    const { context, page, posts, errors } = await openPage(s.browser, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await page.goto(`${s.baseURL}/t/${await site.code('counter')}`);
    // An offline touchpoint's questions speak of the visit, not of a page (issue 14, wording by channel).
    await expect
      .poll(() => prompt(page).locator('legend').first().innerText(), { timeout: 15_000 })
      .toBe('How was your visit to Touchpoint counter?');
    expect(await prompt(page).innerText()).not.toMatch(/this page|find what you needed/);
    expect(await page.locator('main p').innerText()).toMatch(/^Demo Outdoor Co\. would like to know how it went/);
    const answered = sent(page, 'answered');
    await answer(page);
    await answered;
    expect(outcomes(posts)).toEqual(['shown', 'answered']);
    await expect
      .poll(() => site.prompts('counter'), { timeout: 15_000 })
      .toEqual({ shown: 1, dismissed: 0, answered: 1 });
    expect(errors).toEqual([]);
    await context.close();
  });
});
