// Team screen on the seeded demo: the owner invites by link, a new teammate joins through it with a new account,
// the owner changes the teammate's role, and an API token works until it is revoked.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { DEMO_LOGIN, DEMO_SITE_NAME } from '../../scripts/lib/demo-journey.mjs';
import { collectPageErrors, launchBrowser } from '../support/browser';
import { loginAsDemo } from '../support/demo-login';

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('invites a teammate by link, who joins with a new account; the owner changes their role', async () => {
  const owner = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await owner.newPage();
  const errors = collectPageErrors(page);
  await loginAsDemo(page, baseURL);
  await page.goto(`${baseURL}/team`);
  await page
    .getByTestId('member')
    .filter({ hasText: DEMO_LOGIN.email })
    .filter({ hasText: 'you' })
    .waitFor({ timeout: 15_000 });

  await page.getByLabel('Role', { exact: true }).selectOption('editor');
  await page.getByRole('button', { name: 'Create invite link' }).click();
  const link = await page.getByLabel('Invite link', { exact: true }).innerText();
  expect(link).toMatch(new RegExp(`^${baseURL}/invite/\\S+$`));
  await page.getByTestId('invite').filter({ hasText: 'editor' }).first().waitFor();

  // The teammate opens the link signed out, creates an account and lands in the organization.
  const mate = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const matePage = await mate.newPage();
  const email = `mate-${Date.now()}@outdoor.test`;
  await matePage.goto(link);
  await matePage.getByRole('heading', { name: 'Join Demo Outdoor Co.' }).waitFor({ timeout: 15_000 });
  await matePage.getByLabel('Work email').fill(email);
  await matePage.getByLabel('Choose a password').fill('teammate-password-1');
  await matePage.getByRole('button', { name: 'Create account and join' }).click();
  await matePage.getByRole('link', { name: DEMO_SITE_NAME }).first().waitFor({ timeout: 15_000 });
  const me = await (await matePage.request.get(`${baseURL}/api/v1/me`)).json();
  expect(me).toMatchObject({ user: { email }, role: 'editor' });
  // The link worked once.
  await matePage.goto(link);
  await matePage.getByText('This invite link cannot be used').waitFor({ timeout: 15_000 });
  await mate.close();

  await page.reload();
  const row = page.getByTestId('member').filter({ hasText: email });
  await row.waitFor({ timeout: 15_000 });
  await row.getByLabel(`Role of ${email}`).selectOption('viewer');
  await expect
    .poll(async () => {
      const list = await (await page.request.get(`${baseURL}/api/v1/members`)).json();
      return list.members.find((m: { email: string }) => m.email === email)?.role;
    })
    .toBe('viewer');
  expect(errors).toEqual([]);
  await owner.close();
});

it('creates an API token that reads the API until it is revoked', async () => {
  const owner = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await owner.newPage();
  const errors = collectPageErrors(page);
  await loginAsDemo(page, baseURL);
  await page.goto(`${baseURL}/team`);
  await page.getByLabel('Token name').fill('BI export');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByLabel('API token, shown once', { exact: true }).innerText()).trim();
  const read = () =>
    fetch(`${baseURL}/api/v1/sites`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
  expect(await read()).toBe(200);

  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Revoke BI export' }).click();
  await page.getByTestId('token').filter({ hasText: 'BI export' }).filter({ hasText: 'revoked' }).waitFor();
  expect(await read()).toBe(401);
  expect(errors).toEqual([]);
  await owner.close();
});
