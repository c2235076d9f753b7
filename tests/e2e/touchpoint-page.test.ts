// A touchpoint's page on the seeded demo: its quality and n are the API's, its arrivals link to the touchpoints they
// came from, and an editor logs an action that is listed with its effect. axe at 1280 and 390 px, light and dark.
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

it('shows checkout’s scores as the API counts them, follows an arrival, and logs an action with its effect', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await loginAsDemo(page, baseURL);
  // one explicit range for the page and the API
  const range = `from=${new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10)}&to=${new Date().toISOString().slice(0, 10)}`;
  const o = await (await page.request.get(`${baseURL}/api/v1/sites/${siteId}/analytics/overview?${range}`)).json();
  const checkout = o.touchpoints.find((t: { key: string }) => t.key === 'checkout');
  await page.goto(`${baseURL}/sites/${siteId}/touchpoints/checkout?${range}`);
  await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
  expect(await page.getByTestId('tp-quality').textContent()).toContain(String(Math.round(checkout.quality)));
  await page.getByText(`n = ${checkout.qualityStat.n}`, { exact: false }).first().waitFor();
  expect(await page.title()).toMatch(/^checkout · /);

  // the biggest arrival into checkout, as the API counts it, links to that touchpoint's page
  const top = o.connectivity.transitions
    .filter((t: { to: string }) => t.to === 'checkout')
    .sort((a: { count: number }, b: { count: number }) => b.count - a.count)[0];
  const cameFrom = page.locator('.tp-flows > div').first();
  const first = cameFrom.locator('li').first();
  expect(await first.textContent()).toContain(`${top.count.toLocaleString('en-US')} move`);

  const actions = page.getByRole('region', { name: 'Actions and their effect' });
  await actions.getByText('No actions logged yet.').waitFor();
  await actions.getByLabel('What changed').fill('Voucher field moved above the total');
  await actions.getByRole('button', { name: 'Log action' }).click();
  const item = actions.getByTestId('action').first();
  await item.getByText('Voucher field moved above the total').waitFor();
  // logged today: the after window is today alone, too short for the minimum n
  await item.getByText('Too early to tell').waitFor();
  expect(await item.textContent()).toContain('by demo@');
  // the chart marks it on its day
  const today = new Date().toISOString().slice(0, 10);
  await expect
    .poll(() => page.locator('.trend-chart').getAttribute('aria-label'))
    .toContain(`actions marked: Voucher field moved above the total (${today})`);
  // its comments as the themes API reads them: the demo repeats its checkout comments, so they are grouped
  const th = await (await page.request.get(`${baseURL}/api/v1/sites/${siteId}/comments/themes?${range}`)).json();
  const group = th.groups.find((g: { touchpoints: string[] }) => g.touchpoints.includes('checkout'));
  expect(group).toBeDefined();
  const panel = page.getByTestId('comment-themes');
  await panel.getByText(group.text, { exact: true }).waitFor();
  expect(await panel.textContent()).toContain(`×${group.count}`);

  for (const [width, scheme] of [
    [1280, 'light'],
    [1280, 'dark'],
    [390, 'light'],
    [390, 'dark'],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page, { include: 'main' }), `${width} ${scheme}`).toEqual([]);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.setViewportSize({ width: 1280, height: 900 });
  await first.getByRole('link').click();
  await page
    .getByRole('heading', { level: 1, name: o.touchpoints.find((t: { key: string }) => t.key === top.from).name })
    .waitFor();

  // and from the other places a touchpoint appears: a point on the priority chart, a trend's legend, the flow list
  await page.goto(`${baseURL}/sites/${siteId}/priorities?${range}`);
  await page.getByRole('img', { name: /^Checkout: quality/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
  await page.goto(`${baseURL}/sites/${siteId}/trends?${range}&touchpoint=checkout`);
  await page.getByTestId('trend-legend').getByRole('link', { name: 'Checkout' }).click();
  await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});
