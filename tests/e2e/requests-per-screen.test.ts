// The overview is asked for once per site and filter: the site frame loads it and hands it to every analytics view,
// so the home screen costs one overview request, moving between the analytics screens costs none, and a change of
// date range costs exactly one more, never one per panel or per screen.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { demoDesktop } from '../support/demo-login';

const baseURL = inject('baseURL');
const siteId = inject('demoSiteId');
let demo: Awaited<ReturnType<typeof demoDesktop>>;
let page: Page;
/** Every API path the page asked for, in order. */
const asked: string[] = [];
const overviews = () => asked.filter((p) => p.endsWith('/analytics/overview')).length;

beforeAll(async () => {
  demo = await demoDesktop(baseURL);
  page = demo.page;
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/v1/')) asked.push(url.pathname);
  });
});
afterAll(async () => {
  await demo?.close();
});

it('opens the home screen (the journey map) with one overview request', async () => {
  await page.goto(`${baseURL}/`);
  await page.waitForURL(`**/sites/${siteId}/map`);
  await page.locator('.journey-map').waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  expect(overviews()).toBe(1);
  expect(demo.errors).toEqual([]);
});

it('moves through every analytics screen on the same overview, and asks again once when the range changes', async () => {
  const before = overviews();
  for (const name of ['Priorities', 'Consistency', 'Connectivity', 'Trends'] as const) {
    await page.getByRole('link', { name, exact: true }).click();
    await page.waitForURL(`**/sites/${siteId}/${name.toLowerCase()}*`);
    await page.locator('main h1').first().waitFor({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
  }
  expect(overviews() - before).toBe(0);

  await page.getByLabel('Date range').selectOption('90');
  await expect.poll(() => overviews() - before, { timeout: 15_000 }).toBe(1);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  expect(overviews() - before).toBe(1);
  expect(demo.errors).toEqual([]);
});
