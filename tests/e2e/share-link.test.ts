// Share a view: an editor makes a read-only link to Priorities with a segment; someone without an account opens
// it and sees that view with that filter and nothing else; revoked in Settings, the link stops. axe at 390 px, dark.
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

it('opens a shared view without an account, read-only, until it is revoked', async () => {
  const team = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await team.newPage();
  const errors = collectPageErrors(page);
  await loginAsDemo(page, baseURL);
  await page.goto(`${baseURL}/sites/${siteId}/priorities?segment=device:mobile`);
  await page.getByRole('button', { name: 'Share this view…' }).click();
  const form = page.getByRole('form', { name: 'Share this view' });
  await form.getByLabel('For whom (optional)').fill('Board');
  await form.getByRole('button', { name: 'Make a read-only link' }).click();
  const link = (await form.getByLabel('Read-only link, shown once').textContent())!.trim();
  expect(link).toMatch(new RegExp(`^${baseURL}/shared/tls_[\\w-]{43}$`));

  const reader = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  const view = await reader.newPage();
  const readerErrors = collectPageErrors(view);
  await view.goto(link);
  await view.getByText('Read-only view of', { exact: false }).waitFor();
  expect(await view.getByRole('complementary', { name: 'About this shared view' }).textContent()).toContain('(Board)');
  await view.getByRole('heading', { level: 1, name: 'Priorities' }).waitFor();
  await expect.poll(() => view.url()).toContain('segment=device%3Amobile');
  expect(await view.getByRole('navigation', { name: 'Site views' }).count()).toBe(0);
  expect(await view.getByRole('button', { name: 'Share this view…' }).count()).toBe(0);
  expect(await axeViolations(view)).toEqual([]);
  expect(await view.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.goto(`${baseURL}/sites/${siteId}/settings`);
  const share = page.getByTestId('share').filter({ hasText: 'Board' });
  await share.getByText('device:mobile').waitFor();
  page.once('dialog', (d) => void d.accept());
  await share.getByRole('button', { name: /^Revoke/ }).click();
  await share.getByText('revoked', { exact: false }).waitFor();

  await view.reload();
  await view.getByText('This link no longer works').waitFor();
  expect(errors).toEqual([]);
  expect(readerErrors.filter((e) => !/401/.test(e))).toEqual([]);
  await team.close();
  await reader.close();
});
