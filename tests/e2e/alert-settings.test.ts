// Settings › Alerts as an owner uses it: add a Slack incoming webhook (here a receiver on this machine), send a
// test, see it delivered; add a webhook, see its signing secret once; both listed with their last delivery.
// axe at 1280 and 390 px, light and dark.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { collectPageErrors, launchBrowser } from '../support/browser';
import { CSRF_HEADER } from '@throughline/schema/constants';

const baseURL = inject('baseURL');
const headers = { [CSRF_HEADER]: '1', origin: baseURL };
let browser: Browser;
let receiver: Server;
let receiverUrl: string;
const received: { path: string; body: string }[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body });
      res.end('ok');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => receiver?.close(r));
});

async function newOwner(page: Page) {
  const email = `alerts-${Date.now()}@alerts.test`;
  const ok = await page.request.post(`${baseURL}/api/v1/auth/signup`, {
    headers,
    data: { email, password: 'alerts-password-1', organization: 'Alerts Co.' },
  });
  expect(ok.status()).toBe(201);
  const site = await (
    await page.request.post(`${baseURL}/api/v1/sites`, { headers, data: { name: 'Shop', origins: [] } })
  ).json();
  return site as { id: string };
}

it('connects Slack, sends a test that arrives, and shows a webhook secret once', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const site = await newOwner(page);
  await page.goto(`${baseURL}/sites/${site.id}/settings`);
  const card = page.getByRole('region', { name: 'Alerts' });
  await card.getByText('No destinations yet').waitFor();

  await card.getByLabel('Destination', { exact: true }).selectOption('slack');
  await card.getByLabel('URL', { exact: true }).fill(`${receiverUrl}/slack`);
  await card.getByRole('button', { name: 'Add destination' }).click();
  const slack = card.getByTestId('alert-destination').first();
  await slack.getByText('Nothing sent yet.').waitFor();
  await slack.getByRole('button', { name: 'Send a test' }).click();
  await slack.getByText('Delivered (HTTP 200).').waitFor();
  const got = received.filter((r) => r.path === '/slack');
  expect(got).toHaveLength(1);
  expect(JSON.parse(got[0]!.body).text).toMatch(/^Test from Throughline: alerts for Shop will arrive here\./);
  await slack.getByText(/Last: test sent/).waitFor();

  await card.getByLabel('Destination', { exact: true }).selectOption('webhook');
  await card.getByLabel('URL', { exact: true }).fill(`${receiverUrl}/hook`);
  await card.getByLabel('Only for team (optional)').fill('Logistics');
  await card.getByRole('button', { name: 'Add destination' }).click();
  await card.getByText("Copy the webhook's signing secret now").waitFor();
  expect(await card.getByLabel('Webhook signing secret, shown once').textContent()).toMatch(/^whsec_[\w-]{43}$/);
  await card.getByText('team Logistics').waitFor();

  for (const [width, scheme] of [
    [1280, 'light'],
    [1280, 'dark'],
    [390, 'light'],
    [390, 'dark'],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page, { include: 'section[aria-labelledby="alerts-h"]' }), `${width} ${scheme}`).toEqual(
      [],
    );
  }
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(errors).toEqual([]);
  await context.close();
});
