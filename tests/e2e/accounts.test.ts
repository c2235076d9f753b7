// Accounts (issue 14): an owner makes a one-time password reset link for a member on Team; the member sets a new
// password on the link's page and is signed out everywhere else; "Forgot your password?" says what to do where no
// email is sent; the account section changes a password and signs out other sessions. Each screen passes axe at
// 1280 and 390 px, light and dark.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { axeEverywhere } from '../support/axe';
import { collectPageErrors, launchBrowser } from '../support/browser';
import { CSRF_HEADER } from '@throughline/schema/constants';

const baseURL = inject('baseURL');
const headers = { [CSRF_HEADER]: '1', origin: baseURL };
const PASSWORD = 'members-password-1';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function json(res: { status(): number; json(): Promise<any>; text(): Promise<string> }, status = 200) {
  if (res.status() !== status) throw new Error(`expected ${status}, got ${res.status()}: ${await res.text()}`);
  return res.json();
}

/** A signed-in context for a new owner, and a member who joined by invite, signed in in two other contexts. */
async function team(): Promise<{ owner: BrowserContext; member: string; memberContexts: BrowserContext[] }> {
  const owner = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await json(
    await owner.request.post(`${baseURL}/api/v1/auth/signup`, {
      headers,
      data: { email: `owner-${Date.now()}@accounts.test`, password: PASSWORD, organization: 'Accounts Co.' },
    }),
    201,
  );
  const { url } = await json(
    await owner.request.post(`${baseURL}/api/v1/invites`, { headers, data: { role: 'editor' } }),
    201,
  );
  const member = `member-${Date.now()}@accounts.test`;
  const memberContexts = [await browser.newContext(), await browser.newContext()];
  await json(
    await memberContexts[0]!.request.post(`${baseURL}/api/v1/invites/accept`, {
      headers,
      data: { token: url.split('/').pop(), email: member, password: PASSWORD },
    }),
  );
  await json(
    await memberContexts[1]!.request.post(`${baseURL}/api/v1/auth/login`, {
      headers,
      data: { email: member, password: PASSWORD },
    }),
  );
  return { owner, member, memberContexts };
}

it('an owner makes a reset link for a member, who sets a new password with it and is signed out elsewhere', async () => {
  const { owner, member, memberContexts } = await team();
  const page = await owner.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${baseURL}/team`);
  await page.getByRole('button', { name: `Reset link for ${member}` }).click({ timeout: 15_000 });
  const link = (await page.getByLabel('Password reset link', { exact: true }).innerText()).trim();
  expect(link).toMatch(new RegExp(`^${baseURL}/reset/tlr_\\S+$`));
  await page.getByText(`Pass this link on to ${member}`).waitFor();
  expect(await axeEverywhere(page)).toEqual([]);

  const fresh = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const mp = await fresh.newPage();
  const memberErrors = collectPageErrors(mp);
  await mp.goto(link);
  await mp.getByRole('heading', { name: 'Set a new password' }).waitFor({ timeout: 15_000 });
  await mp.getByText(member).waitFor();
  expect(await axeEverywhere(mp)).toEqual([]);
  await mp.getByLabel('New password', { exact: true }).fill('password123');
  await mp.getByRole('button', { name: 'Set password and log in' }).click();
  await mp.getByText('The password was not set').waitFor();
  await mp.getByLabel('New password', { exact: true }).fill('a fresh violet harbour');
  await mp.getByRole('button', { name: 'Set password and log in' }).click();
  await mp.waitForURL((u) => !u.pathname.startsWith('/reset'), { timeout: 15_000 });
  expect(await json(await mp.request.get(`${baseURL}/api/v1/me`))).toMatchObject({
    user: { email: member },
    role: 'editor',
  });
  // Every other session of the member ended; the old password no longer works, the link no longer opens.
  for (const c of memberContexts) expect((await c.request.get(`${baseURL}/api/v1/me`)).status()).toBe(401);
  expect(
    (
      await memberContexts[0]!.request.post(`${baseURL}/api/v1/auth/login`, {
        headers,
        data: { email: member, password: PASSWORD },
      })
    ).status(),
  ).toBe(401);
  await mp.goto(link);
  await mp.getByText('This reset link cannot be used').waitFor({ timeout: 15_000 });
  expect(errors).toEqual([]);
  expect(memberErrors.filter((e) => !/status of (400|401|410)/.test(e))).toEqual([]);
  for (const c of [owner, fresh, ...memberContexts]) await c.close();
});

it('"Forgot your password?" on the login screen says that this deployment sends no email and who can help', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${baseURL}/login`);
  await page.getByRole('link', { name: 'Forgot your password?' }).waitFor({ timeout: 15_000 });
  expect(await axeEverywhere(page)).toEqual([]);
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByTestId('no-email').waitFor({ timeout: 15_000 });
  expect(await page.getByTestId('no-email').innerText()).toMatch(/sends no email.*owner.*Reset link/s);
  expect(await axeEverywhere(page)).toEqual([]);
  // Signed out, the app's first GET /me answers 401: that is how it knows to show the login.
  expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  await ctx.close();
});

it('the account section changes the password and signs out the other sessions', async () => {
  const { owner, member, memberContexts } = await team();
  await owner.close();
  const page = await memberContexts[0]!.newPage();
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${baseURL}/team`);
  await page.getByRole('button', { name: 'Sign out other sessions' }).click({ timeout: 15_000 });
  await page.getByText('1 other session(s) signed out.').waitFor();
  expect((await memberContexts[1]!.request.get(`${baseURL}/api/v1/me`)).status()).toBe(401);
  await page.getByLabel('Current password').fill(PASSWORD);
  await page.getByLabel('New password').fill('another quiet orchard');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByText('Password changed.').waitFor();
  expect(await axeEverywhere(page)).toEqual([]);
  expect(
    (
      await page.request.post(`${baseURL}/api/v1/auth/login`, {
        headers,
        data: { email: member, password: 'another quiet orchard' },
      })
    ).status(),
  ).toBe(200);
  expect(errors).toEqual([]);
  for (const c of memberContexts) await c.close();
});
