// The partner view (docs/metrics.md › Partner view): partner-owned touchpoints with their scores and handoffs; "Share
// with this partner" makes a read-only link that a partner without an account opens to that touchpoint alone.
// axe 0 at 390 px in dark mode, for the team's view and the partner's.
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

it('lists partner touchpoints with their handoffs and shares one with its partner, read-only', async () => {
  const team = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  const page = await team.newPage();
  const errors = collectPageErrors(page);
  await loginAsDemo(page, baseURL);
  await page.goto(`${baseURL}/sites/${siteId}`);
  await page.getByRole('navigation', { name: 'Site views' }).getByRole('link', { name: 'Partners' }).click();
  await page.getByRole('heading', { level: 1, name: 'Partners' }).waitFor();
  const card = page.getByTestId('partner-delivery');
  await card.getByRole('heading', { name: 'Parcel tracking (SwiftShip)' }).waitFor();
  // the demo's only partner-owned touchpoint; its handoff from checkout is in the table, with its counts
  expect(await page.locator('[data-testid^="partner-"][aria-labelledby]').count()).toBe(1);
  const api = (await (await page.request.get(`${baseURL}/api/v1/sites/${siteId}/analytics/partners`)).json()) as {
    touchpoints: { key: string; n: number; into: { name: string; count: number }[] }[];
  };
  const delivery = api.touchpoints[0]!;
  expect(delivery.key).toBe('delivery');
  expect(delivery.into.length).toBeGreaterThan(0);
  const top = delivery.into[0]!;
  const row = card
    .getByRole('region', { name: 'Handoffs into Parcel tracking (SwiftShip)' })
    .getByRole('row')
    .filter({ hasText: top.name })
    .first();
  expect(await row.textContent()).toContain(top.count.toLocaleString('en-US'));
  expect(await card.getByTestId('partner-delivery-joined').textContent()).toContain(
    `of ${delivery.n.toLocaleString('en-US')} answers`,
  );
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await card.getByRole('button', { name: 'Share with this partner' }).click();
  const link = (await card.getByLabel('Read-only partner link, shown once').textContent())!.trim();
  expect(link).toMatch(new RegExp(`^${baseURL}/shared/tls_[\\w-]{43}$`));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const partner = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  const view = await partner.newPage();
  const partnerErrors = collectPageErrors(view);
  const overviewCalls: string[] = [];
  view.on('request', (r) => {
    if (r.url().includes('/analytics/overview')) overviewCalls.push(r.url());
  });
  await view.goto(link);
  await view.getByRole('heading', { level: 1, name: 'Partners' }).waitFor();
  await view.getByTestId('partner-delivery').getByRole('heading', { name: 'Parcel tracking (SwiftShip)' }).waitFor();
  expect(await view.getByRole('complementary', { name: 'About this shared view' }).textContent()).toContain(
    '(Parcel tracking (SwiftShip))',
  );
  expect(await view.getByRole('navigation', { name: 'Site views' }).count()).toBe(0);
  expect(await view.getByRole('button', { name: 'Share with this partner' }).count()).toBe(0);
  expect(overviewCalls).toEqual([]);
  // the link reads that touchpoint's partner view only: the brand's overview answers 403
  const token = link.split('/shared/')[1]!;
  expect(
    (
      await view.request.get(`${baseURL}/api/v1/sites/${siteId}/analytics/overview`, {
        headers: { 'x-throughline-share': token },
      })
    ).status(),
  ).toBe(403);
  expect(await axeViolations(view)).toEqual([]);
  expect(await view.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(errors).toEqual([]);
  expect(partnerErrors).toEqual([]);
  await Promise.all([team.close(), partner.close()]);
});
