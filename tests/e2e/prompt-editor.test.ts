// The prompt editor on the seeded demo: the preview is the widget's real prompt, follows the form as it is
// typed (questions, locale, own wording), sends nothing when answered, and the wording per locale is saved.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { collectPageErrors, launchBrowser } from '../support/browser';
import { loginAsDemo } from '../support/demo-login';

const baseURL = inject('baseURL');
const siteId = inject('demoSiteId');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('previews the real prompt per locale with the wording being typed, and saves the wording per locale', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/v1/events')) sent.push(r.url());
  });
  await loginAsDemo(page, baseURL);
  await page.goto(`${baseURL}/sites/${siteId}/journey`);
  const row = page.locator('li.tp-row', { has: page.getByText('Rewards club', { exact: true }) });
  await row.getByRole('button', { name: 'Prompt' }).click();

  // Beside it: the site's ask budget (the demo's is generous), and the pace of the last 28 days as the API counts it.
  await row.getByText('each visitor is asked at most 100 prompts a day', { exact: false }).waitFor();
  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 27 * 86_400_000).toISOString().slice(0, 10);
  const o = await (
    await page.request.get(`${baseURL}/api/v1/sites/${siteId}/analytics/overview?from=${from}&to=${to}`)
  ).json();
  const n: number = o.touchpoints.find((t: { key: string }) => t.key === 'rewards').n;
  const estimate = row.getByTestId('prompt-estimate');
  await estimate.waitFor();
  expect(await estimate.textContent()).toContain(
    n >= o.minN
      ? `${n} answers in the last 28 days`
      : n === 0
        ? 'No answers here'
        : `about ${Math.ceil(o.minN / (n / 28))} days`,
  );

  // The widget's prompt, in its shadow root, with the built-in English questions.
  const preview = row.getByTestId('prompt-preview');
  await expect.poll(() => preview.locator('throughline-prompt').count()).toBe(1);
  await expect.poll(() => preview.locator('fieldset').count()).toBe(3);
  await preview.getByText('How does this page look and feel?').waitFor();

  // German: the built-in German pack, then the team's own wording as it is typed.
  await row.getByLabel('Wording for').selectOption('de');
  await preview.getByRole('button', { name: 'Senden' }).waitFor();
  const field = row.getByLabel('Look & feel question (Deutsch)');
  expect(await field.getAttribute('placeholder')).toMatch(/^Wie /);
  await field.fill('Wie gefällt Ihnen der Prämienclub?');
  await preview.getByText('Wie gefällt Ihnen der Prämienclub?').waitFor();

  // Dropping a question drops it from the preview.
  await row.getByRole('checkbox', { name: 'Ease' }).uncheck();
  await expect.poll(() => preview.locator('fieldset').count()).toBe(2);

  // Answering the preview sends nothing.
  for (let i = 0; i < 2; i++) await preview.locator('fieldset').nth(i).locator('label').nth(2).click();
  await preview.getByRole('button', { name: 'Senden' }).click();
  await row.getByText('Preview only: this answer was not sent.').waitFor();
  expect(sent).toEqual([]);

  await row.getByRole('button', { name: 'Save prompt' }).click();
  await row.getByText('Saved', { exact: true }).waitFor();
  const saved = await (await page.request.get(`${baseURL}/api/v1/sites/${siteId}/touchpoints/rewards/prompt`)).json();
  expect(saved.dimensions).toEqual(['sensorial', 'affective']);
  expect(saved.wording.de).toEqual({ sensorial: 'Wie gefällt Ihnen der Prämienclub?' });
  expect(errors).toEqual([]);
  await context.close();
});
