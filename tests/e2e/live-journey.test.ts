// The live path that imports cannot stand in for: a visitor on a phone walks the demo site with the real widget,
// answers one prompt, and the dashboard's device:mobile view counts that answer, and the moves the visitor made
// (a reload is no move; the widget's `from` is not trusted), derived by the server.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { collectPageErrors, launchBrowser } from '../support/browser';
import { loginAsDemo } from '../support/demo-login';
import { answer, answerStored, prompt } from '../support/prompt';

const baseURL = inject('baseURL');
const siteId = inject('demoSiteId');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 3,
  userAgent:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
};

interface Overview {
  touchpoints: { key: string; n: number; visits: number }[];
  connectivity: { transitions: { from: string; to: string; count: number }[] };
}

async function overview(page: Page, segment: string): Promise<Overview> {
  const res = await page.request.get(
    `${baseURL}/api/v1/sites/${siteId}/analytics/overview${segment === 'all' ? '' : `?segment=${segment}`}`,
  );
  if (!res.ok()) throw new Error(`overview ${segment}: ${res.status()} ${await res.text()}`);
  return res.json();
}
const nAt = (o: Overview, key: string) => o.touchpoints.find((t) => t.key === key)?.n ?? 0;
const moves = (o: Overview, from: string, to: string) =>
  o.connectivity.transitions.find((t) => t.from === from && t.to === to)?.count ?? 0;

/** Opens a demo page and stays a moment, as a person would (the widget sends visits when it can, at the latest on page hide). */
async function visit(page: Page, path: string, reload = false) {
  if (reload) await page.reload();
  else await page.goto(`${baseURL}${path}`);
  await page.waitForTimeout(1_000);
}

it('counts a phone visitor’s live answer under device:mobile, and their moves as a person would count them', async () => {
  const team = await browser.newContext();
  const dashboard = await team.newPage();
  await loginAsDemo(dashboard, baseURL);
  const [mobileBefore, desktopBefore, allBefore] = [
    await overview(dashboard, 'device:mobile'),
    await overview(dashboard, 'device:desktop'),
    await overview(dashboard, 'all'),
  ];

  const phone = await browser.newContext(PHONE);
  const page = await phone.newPage();
  const errors = collectPageErrors(page);
  const stored = answerStored(page);
  await visit(page, '/demo/');
  // the prompt may wait for the visitor to scroll on a phone
  await page.mouse.wheel(0, 400).catch(() => undefined);
  await prompt(page).waitFor({ timeout: 20_000 });
  await answer(page, 4);
  expect((await stored).status()).toBe(202);
  await visit(page, '/demo/product.html');
  await visit(page, '/demo/product.html', true);
  await visit(page, '/demo/cart.html');
  await page.goto('about:blank'); // page hide: whatever is queued goes out

  await expect
    .poll(async () => nAt(await overview(dashboard, 'device:mobile'), 'home'), { timeout: 20_000 })
    .toBe(nAt(mobileBefore, 'home') + 1);
  await expect
    .poll(async () => moves(await overview(dashboard, 'device:mobile'), 'product', 'cart'), { timeout: 20_000 })
    .toBe(moves(mobileBefore, 'product', 'cart') + 1);
  const [mobile, all] = [await overview(dashboard, 'device:mobile'), await overview(dashboard, 'all')];
  expect(nAt(all, 'home')).toBe(nAt(allBefore, 'home') + 1);
  expect(nAt(await overview(dashboard, 'device:desktop'), 'home')).toBe(nAt(desktopBefore, 'home'));
  expect([
    moves(mobile, 'home', 'product') - moves(mobileBefore, 'home', 'product'),
    moves(mobile, 'product', 'cart') - moves(mobileBefore, 'product', 'cart'),
  ]).toEqual([1, 1]);
  expect(
    mobile.touchpoints.find((t) => t.key === 'product')!.visits -
      mobileBefore.touchpoints.find((t) => t.key === 'product')!.visits,
  ).toBe(2);
  expect(moves(all, 'product', 'product')).toBe(0);

  // the dashboard, filtered to phones, shows the new count on the home card
  await dashboard.goto(`${baseURL}/sites/${siteId}/map?segment=device:mobile`);
  const n = dashboard.getByTestId('n-home');
  await expect
    .poll(async () => ((await n.count()) ? n.first().innerText() : ''), { timeout: 15_000 })
    .toContain(String(nAt(mobile, 'home')));
  expect(errors).toEqual([]);
  await phone.close();
  await team.close();
});
