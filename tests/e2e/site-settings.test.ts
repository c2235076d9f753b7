// Site settings on a fresh organization: the owner renames the site, changes its origins, the prompt's look, the ask
// budget and score thresholds (the widget's config follows), then deletes the site. A viewer of the same
// organization sees the settings, journey setup and responses without the controls the API would refuse.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { collectPageErrors, launchBrowser } from '../support/browser';
import { CSRF_HEADER } from '@throughline/schema/constants';

const baseURL = inject('baseURL');
const ORIGIN = 'https://shop.settings.example';
const headers = { [CSRF_HEADER]: '1', origin: baseURL };
let browser: Browser;
let owner: BrowserContext;
let page: Page;
let site: { id: string; key: string; name: string };

async function json(res: { status(): number; json(): Promise<any>; text(): Promise<string> }, status = 200) {
  if (res.status() !== status) throw new Error(`${res.status()} ${await res.text()}`);
  return res.json();
}

beforeAll(async () => {
  browser = await launchBrowser();
  owner = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await owner.newPage();
  const email = `owner-${Date.now()}@settings.test`;
  await json(
    await page.request.post(`${baseURL}/api/v1/auth/signup`, {
      headers,
      data: { email, password: 'settings-password-1', organization: 'Settings Co.' },
    }),
    201,
  );
  site = await json(
    await page.request.post(`${baseURL}/api/v1/sites`, { headers, data: { name: 'Shop', origins: [ORIGIN] } }),
    201,
  );
  await json(
    await page.request.post(`${baseURL}/api/v1/sites/${site.id}/touchpoints`, {
      headers,
      data: { key: 'home', name: 'Home', stage: 'Awareness', match: ['/'] },
    }),
    201,
  );
});
afterAll(async () => {
  await browser?.close();
});

const config = async () => json(await page.request.get(`${baseURL}/v1/sites/${site.key}/config`));

it('the owner changes name, origins, look, asking and scores; the site and the widget config carry them', async () => {
  const errors = collectPageErrors(page);
  await page.goto(`${baseURL}/sites/${site.id}/settings`);
  const general = page.getByRole('form', { name: 'Site', exact: true });
  await general.getByLabel('Name').fill('Shop (EU)');
  await general.getByLabel('Allowed origins').fill(`${ORIGIN}/\nhttps://m.settings.example, ${ORIGIN}`);
  await general.getByRole('button', { name: 'Save' }).click();
  await general.getByText('Saved', { exact: true }).waitFor({ timeout: 15_000 });
  expect(await json(await page.request.get(`${baseURL}/api/v1/sites/${site.id}`))).toMatchObject({
    name: 'Shop (EU)',
    origins: [ORIGIN, 'https://m.settings.example'],
  });
  // The tab title follows the saved name.
  await expect.poll(() => page.title()).toBe('Settings · Shop (EU) · Throughline');

  const look = page.getByRole('form', { name: 'Look of the prompt', exact: true });
  await look.getByLabel('Brand colour', { exact: true }).fill('not-a-colour');
  await look.getByRole('button', { name: 'Save' }).click();
  await look.getByText('"not-a-colour" is not a CSS colour').waitFor();
  expect((await config()).theme.color).toBe('#4f46e5');
  await look.getByLabel('Brand colour', { exact: true }).fill('#0f766e');
  await look.getByLabel('Corner radius (px)').fill('4');
  await look.getByRole('button', { name: 'Save' }).click();
  await look.getByText('Saved', { exact: true }).waitFor();
  // The preview is the widget's real prompt, drawn with the new colour.
  const card = look.getByTestId('prompt-preview').getByRole('region');
  await expect.poll(() => card.evaluate((el) => getComputedStyle(el).getPropertyValue('--tl-c'))).toBe('#0f766e');
  expect(await card.evaluate((el) => getComputedStyle(el).getPropertyValue('--tl-r'))).toBe('4px');

  const asking = page.getByRole('form', { name: 'Asking visitors', exact: true });
  await asking.getByLabel('At most this many prompts').fill('2');
  await asking.getByLabel('per this many days').fill('14');
  await asking.getByLabel(/Send query strings/).check();
  await asking.getByRole('button', { name: 'Save' }).click();
  await asking.getByText('Saved', { exact: true }).waitFor();

  const scores = page.getByRole('form', { name: 'Scores', exact: true });
  await scores.getByLabel('Minimum answers per score').fill('10');
  await scores.getByLabel('Quality threshold').fill('60');
  await scores.getByRole('button', { name: 'Save' }).click();
  await scores.getByText('Saved', { exact: true }).waitFor();

  const saved = await json(await page.request.get(`${baseURL}/api/v1/sites/${site.id}`));
  expect(saved.settings).toMatchObject({
    theme: { color: '#0f766e', radius: 4 },
    budget: { prompts: 2, periodDays: 14 },
    sendQuery: true,
    minN: 10,
    thresholds: { importance: 50, quality: 60 },
  });
  expect(await config()).toMatchObject({
    theme: { color: '#0f766e', radius: 4 },
    budget: { prompts: 2, periodDays: 14 },
    sendQuery: true,
  });
  // A later form saves its own part without undoing the earlier ones (each sends the saved settings).
  expect(saved.settings.theme.font).toBe('system-ui, sans-serif');

  expect(await axeViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

it('a viewer sees settings, journey setup and responses without the controls only editors and owners have', async () => {
  const invite = await json(
    await page.request.post(`${baseURL}/api/v1/invites`, { headers, data: { role: 'viewer' } }),
    201,
  );
  const viewer = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const vp = await viewer.newPage();
  const errors = collectPageErrors(vp);
  await json(
    await vp.request.post(`${baseURL}/api/v1/invites/accept`, {
      headers,
      data: {
        token: invite.url.split('/').pop(),
        email: `viewer-${Date.now()}@settings.test`,
        password: 'viewer-password-1',
      },
    }),
  );
  // One answer, so that Responses lists something.
  await json(
    await vp.request.post(`${baseURL}/v1/events`, {
      headers: { origin: ORIGIN, 'content-type': 'text/plain' },
      data: JSON.stringify({
        site: site.key,
        visitor: crypto.randomUUID().replace(/-/g, ''),
        events: [
          {
            id: crypto.randomUUID(),
            type: 'answer',
            touchpoint: 'home',
            at: new Date().toISOString(),
            answers: { sensorial: 4 },
          },
        ],
      }),
    }),
    202,
  );

  await vp.goto(`${baseURL}/sites/${site.id}/settings`);
  const general = vp.getByRole('form', { name: 'Site', exact: true });
  await general.getByLabel('Name').waitFor({ timeout: 15_000 });
  expect(await general.getByLabel('Name').isDisabled()).toBe(true);
  expect(await general.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
  expect(await vp.getByRole('heading', { name: 'Delete this site' }).count()).toBe(0);

  await vp.goto(`${baseURL}/sites/${site.id}/journey`);
  await vp.getByText('You have the viewer role').waitFor({ timeout: 15_000 });
  await vp.getByText('Home', { exact: true }).first().waitFor();
  expect(await vp.getByRole('button', { name: /Add touchpoint|^Edit$|^Delete/ }).count()).toBe(0);
  expect(await vp.getByLabel('Stage 1 name').isDisabled()).toBe(true);

  await vp.goto(`${baseURL}/sites/${site.id}/responses`);
  await vp.getByTestId('response').first().waitFor({ timeout: 15_000 });
  expect(await vp.getByRole('button', { name: "Delete visitor's data" }).count()).toBe(0);
  expect(await axeViolations(vp)).toEqual([]);
  expect(errors).toEqual([]);
  await viewer.close();
});

it('the owner deletes the site after typing its name; it is gone, and so is its widget config', async () => {
  await page.goto(`${baseURL}/sites/${site.id}/settings`);
  const danger = page.getByRole('form', { name: 'Delete this site', exact: true });
  const button = danger.getByRole('button', { name: 'Delete site and all its data' });
  await button.waitFor({ timeout: 15_000 });
  expect(await button.isDisabled()).toBe(true);
  await danger.getByLabel(/Type the site's name/).fill('Shop (EU)');
  await button.click();
  await page.waitForURL(`${baseURL}/sites`, { timeout: 15_000 });
  expect((await page.request.get(`${baseURL}/api/v1/sites/${site.id}`)).status()).toBe(404);
  expect((await page.request.get(`${baseURL}/v1/sites/${site.key}/config`)).status()).toBe(404);
  await page.getByRole('heading', { name: 'Sites' }).waitFor();
  expect(await page.getByRole('link', { name: 'Shop (EU)' }).count()).toBe(0);
});
