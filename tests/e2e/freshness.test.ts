// A new team's first site, as the header and the analytics views should treat it: the site picker names the site
// right after it is created and on Team (never "Choose a site…"), the phone header keeps its Sites link, and the
// journey map picks up a new answer on window focus and once a minute, saying when it was updated.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { collectPageErrors, launchBrowser } from '../support/browser';
import { CSRF_HEADER } from '@throughline/schema/constants';

const baseURL = inject('baseURL');
const headers = { [CSRF_HEADER]: '1', origin: baseURL };
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let siteId = '';

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  page = await context.newPage();
  errors = collectPageErrors(page);
  const signup = await page.request.post(`${baseURL}/api/v1/auth/signup`, {
    headers,
    data: { email: `fresh-${Date.now()}@fresh.test`, password: 'fresh-password-1', organization: 'Fresh Bakes' },
  });
  expect(signup.status()).toBe(201);
});
afterAll(async () => {
  await browser?.close();
});

const picked = () =>
  page.getByTestId('site-switcher').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');

it('names the only site in the header picker right after it is created, and on Team; Sites stays in the phone header', async () => {
  await page.goto(`${baseURL}/sites`);
  await page.getByRole('heading', { name: 'Create your first site' }).waitFor({ timeout: 15_000 });
  await page.getByLabel('Site name').fill('Fresh Bakes shop');
  await page.getByRole('button', { name: 'Create site' }).click();
  await page.getByText('Fresh Bakes shop is ready.').waitFor({ timeout: 15_000 });
  await expect.poll(picked).toBe('Fresh Bakes shop');
  expect(await page.getByRole('link', { name: 'Sites', exact: true }).isVisible()).toBe(true);

  await page.getByRole('link', { name: 'Team', exact: true }).click();
  await page.getByRole('heading', { name: 'API tokens' }).waitFor({ timeout: 15_000 });
  await expect.poll(picked).toBe('Fresh Bakes shop');
  expect(await page.getByTestId('site-switcher').locator('option', { hasText: 'Choose a site' }).count()).toBe(0);
  siteId = (await (await page.request.get(`${baseURL}/api/v1/sites`)).json()).sites[0].id;
  expect(errors).toEqual([]);
});

it('shows a new answer on window focus and after a minute, with the time it was updated', async () => {
  const tp = await page.request.post(`${baseURL}/api/v1/sites/${siteId}/touchpoints`, {
    headers,
    data: { key: 'counter', name: 'Bakery counter', stage: 'Purchase', channel: 'offline' },
  });
  expect(tp.status()).toBe(201);
  const day = new Date().toISOString().slice(0, 10);
  const importRow = async (comment: string) => {
    const res = await page.request.post(`${baseURL}/api/v1/sites/${siteId}/import.csv`, {
      headers: { ...headers, 'content-type': 'text/csv' },
      data: `at,touchpoint,sensorial,comment\n${day},counter,4,${comment}\n`,
    });
    expect(res.status()).toBe(200);
  };
  await page.clock.install();
  await page.goto(`${baseURL}/sites/${siteId}/map`);
  const n = page.getByTestId('n-counter');
  await n.waitFor({ timeout: 15_000 });
  expect(await n.innerText()).toBe('0');
  const updated = page.getByTestId('updated-at');
  const hhmm = () =>
    page.evaluate(() => {
      const d = new Date();
      return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    });
  expect(await updated.innerText()).toBe(`Updated ${await hhmm()}`);

  // back to the window: the map reloads and counts the answer sent meanwhile
  await importRow('first');
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect.poll(() => n.innerText(), { timeout: 15_000 }).toBe('1');

  // a minute later, with the window left open, the next answer shows by itself, and the time moves on
  await importRow('second');
  await page.clock.runFor(61_000);
  await expect.poll(() => n.innerText(), { timeout: 15_000 }).toBe('2');
  await expect.poll(async () => (await updated.innerText()) === `Updated ${await hhmm()}`).toBe(true);
  expect(errors).toEqual([]);
});
