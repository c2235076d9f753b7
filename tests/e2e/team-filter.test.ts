// Owners: the demo's touchpoints have teams; the map and Priorities show one team's touchpoints, and the team stays
// chosen when moving between the two.
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

it('filters the map and Priorities to one team’s touchpoints', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await loginAsDemo(page, baseURL);
  const o = await (await page.request.get(`${baseURL}/api/v1/sites/${siteId}/analytics/overview`)).json();
  const checkoutTeam = o.touchpoints
    .filter((t: { team: string }) => t.team === 'Checkout')
    .map((t: { key: string }) => t.key)
    .sort();
  expect(checkoutTeam).toEqual(['cart', 'checkout']);

  await page.goto(`${baseURL}/sites/${siteId}/map`);
  await page.getByLabel('Team').selectOption('Checkout');
  await expect
    .poll(async () =>
      (
        await page.locator('[data-testid^="card-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))
      ).sort(),
    )
    .toEqual(['card-cart', 'card-checkout']);
  expect(page.url()).toContain('team=Checkout');
  expect(await axeViolations(page, { include: 'main' })).toEqual([]);

  await page.getByRole('link', { name: 'Priorities', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Priorities' }).waitFor();
  expect(await page.getByLabel('Team').inputValue()).toBe('Checkout');
  // the ranked table's rows (the loyalty drivers table below lists the same touchpoints)
  const names = await page.locator('section[aria-labelledby="rank-h"] tbody .stack-title').allTextContents();
  expect(names.length).toBeGreaterThan(0);
  for (const n of names) expect(['Cart', 'Checkout']).toContain(n.trim());

  // the table downloads as CSV, as shown (one team's rows)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('priorities.csv');
  const csv = await (await download.createReadStream()).toArray();
  const lines = Buffer.concat(csv).toString('utf8').trim().split('\r\n');
  expect(lines[0]).toBe('rank,touchpoint,stage,quadrant,importance,importance source,quality,priority');
  expect(
    lines
      .slice(1)
      .map((l) => l.split(',')[1])
      .sort(),
  ).toEqual([...names].map((n) => n.trim()).sort());
  expect(errors).toEqual([]);
  await context.close();
});
