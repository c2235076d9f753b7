// The thin path, real at every step: a demo page's script tag → the prompt → an answer stored in D1
// → the dashboard's journey map shows it.
import type { Browser } from 'playwright-core';
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

it('shows a prompt on a demo page, stores the answer once, and the dashboard counts it', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await loginAsDemo(page, baseURL);
  const before = await (await page.request.get(`${baseURL}/api/v1/sites/${siteId}/analytics/overview`)).json();
  const nBefore: number = before.touchpoints.find((t: { key: string }) => t.key === 'checkout').n;

  const visit = page.waitForRequest((r) => r.url().endsWith('/v1/events') && (r.postData() ?? '').includes('"visit"'));
  await page.goto(`${baseURL}/demo/checkout.html`);
  await visit;
  const stored = answerStored(page);
  await answer(page, 4);
  const res = await stored;
  expect(res.status()).toBe(202);
  // The batch holds the answer and the prompt events beside it (issue 14): each is stored once.
  const sent = JSON.parse(res.request().postData()!).events as { type: string }[];
  expect(sent.filter((e) => e.type === 'answer')).toHaveLength(1);
  expect(await res.json()).toMatchObject({ accepted: sent.length, duplicates: 0 });
  await expect.poll(() => prompt(page).getByText('Thank you').count()).toBeGreaterThan(0);

  await page.goto(`${baseURL}/`);
  const n = page.getByTestId('n-checkout');
  await expect
    .poll(async () => ((await n.count()) ? n.first().innerText() : ''), { timeout: 15_000 })
    .toContain(String(nBefore + 1));
  await expect.poll(() => page.getByTestId('quality-checkout').count()).toBeGreaterThan(0);
  expect(errors).toEqual([]);
  await context.close();
});
