// Responses › search and themes on the seeded demo: a search lists exactly the comments the API finds, and the
// comments sent more than once are shown grouped with their count. axe at 390 px, dark.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe';
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

it('searches comments by a part of a word and shows repeated comments grouped', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await loginAsDemo(page, baseURL);
  // one explicit range for the page and the API
  const range = `from=${new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10)}&to=${new Date().toISOString().slice(0, 10)}`;
  const api = await (
    await page.request.get(`${baseURL}/api/v1/sites/${siteId}/responses?q=vouch&limit=200&${range}`)
  ).json();
  expect(api.responses.length).toBeGreaterThan(0);

  await page.goto(`${baseURL}/sites/${siteId}/responses?${range}`);
  await page.getByLabel('Search comments').fill('vouch');
  await page.getByLabel('Search comments').press('Enter');
  await expect.poll(() => page.url()).toContain('q=vouch');
  await page.getByTestId('response').first().waitFor();
  const shown = await page.getByTestId('response').locator('.response-comment').allTextContents();
  expect(shown.length).toBe(Math.min(api.responses.length, 25));
  for (const c of shown) expect(c.toLowerCase()).toContain('voucher');

  const th = await (await page.request.get(`${baseURL}/api/v1/sites/${siteId}/comments/themes?${range}`)).json();
  const top = th.groups[0];
  const panel = page.getByTestId('comment-themes');
  await panel.getByText(top.text, { exact: true }).first().waitFor();
  expect(await panel.textContent()).toContain(`×${top.count}`);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page, { include: 'main' })).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(errors).toEqual([]);
  await context.close();
});
