// A person in two organizations: Ann (her own shop) joins Bob's brand through an invite link, then moves between
// the two from the header menu and from the team screen; each shows only its own sites. Carol, who already has an
// account, opens an invite signed out: she is sent to log in and comes back to join.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { collectPageErrors, launchBrowser } from '../support/browser';
import { CSRF_HEADER } from '@throughline/schema/constants';

const baseURL = inject('baseURL');
const headers = { [CSRF_HEADER]: '1', origin: baseURL };
const PASSWORD = 'organizations-password-1';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Signs a page up as the owner of a new organization with one site; returns the email and the site's name. */
async function owner(page: Page, name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now()}@orgs.test`;
  const res = await page.request.post(`${baseURL}/api/v1/auth/signup`, {
    headers,
    data: { email, password: PASSWORD, organization: name },
  });
  expect(res.status()).toBe(201);
  const site = `${name} site`;
  expect((await page.request.post(`${baseURL}/api/v1/sites`, { headers, data: { name: site } })).status()).toBe(201);
  return { email, site };
}

async function inviteLink(page: Page, body: Record<string, unknown>): Promise<string> {
  const res = await page.request.post(`${baseURL}/api/v1/invites`, { headers, data: body });
  expect(res.status()).toBe(201);
  return (await res.json()).url;
}

it('joins a second organization and switches between the two; each shows only its sites', async () => {
  const bobPage = await (await browser.newContext()).newPage();
  const bob = await owner(bobPage, "Bob's brand");
  const link = await inviteLink(bobPage, { role: 'editor' });

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const ann = await owner(page, "Ann's shop");
  await page.goto(link);
  await page.getByRole('button', { name: "Join Bob's brand" }).click();
  await page.getByRole('link', { name: bob.site }).first().waitFor({ timeout: 15_000 });
  expect(await page.getByRole('link', { name: ann.site }).count()).toBe(0);

  // The header menu lists both; choosing Ann's shop opens it with its own sites.
  const menu = page.getByRole('combobox', { name: 'Organization' });
  await expect
    .poll(() => menu.inputValue().then(() => menu.locator('option').allInnerTexts()))
    .toEqual(["Ann's shop", "Bob's brand"]);
  await menu.selectOption({ label: "Ann's shop" });
  await page.getByRole('link', { name: ann.site }).first().waitFor({ timeout: 15_000 });
  expect(await page.getByRole('link', { name: bob.site }).count()).toBe(0);
  expect((await (await page.request.get(`${baseURL}/api/v1/me`)).json()).role).toBe('owner');

  // The team screen (the way on a phone) lists both and opens the other one.
  await page.goto(`${baseURL}/team`);
  const section = page.getByRole('region', { name: 'Your organizations' });
  await section
    .getByTestId('organization')
    .filter({ hasText: 'open now' })
    .filter({ hasText: "Ann's shop" })
    .waitFor({ timeout: 15_000 });
  expect(await axeViolations(page)).toEqual([]);
  await section.getByRole('button', { name: "Open Bob's brand" }).click();
  await page.getByRole('link', { name: bob.site }).first().waitFor({ timeout: 15_000 });
  expect(await (await page.request.get(`${baseURL}/api/v1/me`)).json()).toMatchObject({
    organization: { name: "Bob's brand" },
    role: 'editor',
  });
  expect(errors).toEqual([]);
  await context.close();
  await bobPage.context().close();
});

it('lets someone with an account who opens an invite signed out join with their password, or log in first', async () => {
  const setup = await (await browser.newContext()).newPage();
  const carol = await owner(setup, 'Carol & Co');
  await setup.request.post(`${baseURL}/api/v1/auth/logout`, { headers });
  const dan = await owner(setup, "Dan's dealership");
  const link = await inviteLink(setup, { role: 'viewer' });

  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  const errors = collectPageErrors(page);
  await page.goto(link);
  await page.getByLabel('Work email').fill(carol.email);
  await page.getByLabel(/Choose a password/).fill('not her password');
  await page.getByRole('button', { name: 'Create account and join' }).click();
  await page.getByText('wrong email or password').waitFor({ timeout: 15_000 });
  await page.getByRole('link', { name: 'Log in to join with your account' }).click();
  await page.getByLabel(/email/i).fill(carol.email);
  await page.getByLabel(/password/i).fill(PASSWORD);
  await page.getByRole('button', { name: /log in/i }).click();
  await page.getByRole('button', { name: "Join Dan's dealership" }).click({ timeout: 15_000 });
  await page.getByRole('link', { name: dan.site }).first().waitFor({ timeout: 15_000 });
  expect(await (await page.request.get(`${baseURL}/api/v1/me`)).json()).toMatchObject({
    organization: { name: "Dan's dealership" },
    role: 'viewer',
  });
  // The browser logs the answers the app handled: 401 (who am I, signed out; the wrong password).
  expect(errors.filter((e) => !/status of (401|409)\b/.test(e))).toEqual([]);
  await page.context().close();
  await setup.context().close();
});
