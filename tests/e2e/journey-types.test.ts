// Journey types on the demo (docs/metrics.md › Journey types): the demo shop has Buying (the default) and Returns.
// The journey map shows one type's stages at a time; the picker switches type, the choice travels to the other views,
// and the map of a type shows the touchpoints the API gives for it. Axe 0, 390 px without sideways scrolling, dark.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { DEMO_JOURNEY_TYPES } from '../../scripts/lib/demo-journey.mjs';
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

const stageHeads = (page: Page) =>
  page.locator('.stage-head').evaluateAll((els) => els.map((e) => e.childNodes[1]?.textContent?.trim() ?? ''));
const cards = async (page: Page) =>
  (
    await page
      .locator('[data-testid^="card-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(5)))
  ).sort();

it('switches the journey map between journey types, and keeps the type across views', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await loginAsDemo(page, baseURL);
  const api = async (query: string) =>
    (await page.request.get(`${baseURL}/api/v1/sites/${siteId}/analytics/overview${query}`)).json();
  const returns = DEMO_JOURNEY_TYPES[0]!;
  const returnKeys = (await api('?journey=returns')).touchpoints.map((t: { key: string }) => t.key).sort();
  expect(returnKeys).toEqual(returns.touchpoints.map((t) => t.key).sort());

  // the map opens on the default type: Buying, with the shop's six stages and no returns-only touchpoint
  await page.goto(`${baseURL}/sites/${siteId}/map`);
  await page.getByTestId('card-checkout').waitFor({ timeout: 15_000 });
  expect(await page.getByLabel('Journey', { exact: true }).inputValue()).toBe('main');
  expect(await page.getByTestId('map-journey').innerText()).toContain('Buying');
  expect(await stageHeads(page)).toEqual(['Awareness', 'Consideration', 'Purchase', 'Use', 'Support', 'Loyalty']);
  expect(await cards(page)).not.toContain('returns-form');

  // Returns: its own stages, the touchpoints that serve it (help and the counter serve both journeys)
  await page.getByLabel('Journey', { exact: true }).selectOption('returns');
  await page.getByTestId('card-returns-form').waitFor({ timeout: 15_000 });
  expect(page.url()).toContain('journey=returns');
  expect(await stageHeads(page)).toEqual(returns.stages);
  expect(await cards(page)).toEqual(returnKeys);
  expect(await axeViolations(page, { include: 'main' })).toEqual([]);

  // the type travels with the other filters, and the views there offer "All journeys"
  await page.getByRole('link', { name: 'Priorities', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Priorities' }).waitFor();
  expect(await page.getByLabel('Journey', { exact: true }).inputValue()).toBe('returns');
  expect(await page.getByLabel('Journey', { exact: true }).locator('option').allTextContents()).toEqual([
    'All journeys',
    'Buying',
    'Returns',
  ]);
  expect(errors).toEqual([]);
  await context.close();
});

it('shows one journey type on a phone in dark mode, without sideways scrolling, and edits types in the setup', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await loginAsDemo(page, baseURL);
  await page.goto(`${baseURL}/sites/${siteId}/map?journey=returns`);
  await page.getByTestId('card-refund-email').waitFor({ timeout: 15_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/journey-types-map-390-dark.png', fullPage: false });

  await page.goto(`${baseURL}/sites/${siteId}/journey`);
  await page.getByRole('heading', { name: 'Journey types' }).waitFor({ timeout: 15_000 });
  await page.getByLabel('Journey type to edit').selectOption({ label: 'Returns' });
  await page.getByRole('heading', { name: 'Stages of Returns' }).waitFor();
  expect(await page.getByRole('checkbox', { name: 'Returns form' }).isChecked()).toBe(true);
  expect(await page.getByRole('checkbox', { name: 'Checkout' }).isChecked()).toBe(false);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/journey-types-editor-390-dark.png', fullPage: true });
  expect(errors).toEqual([]);
  await context.close();
});
