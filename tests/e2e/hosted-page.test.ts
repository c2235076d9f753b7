// An offline touchpoint end to end: its QR code's address → the hosted mobile page → the real widget's prompt
// (under the page's strict CSP) → the answer stored through the normal ingest, filed under that touchpoint.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { collectPageErrors, launchBrowser } from '../support/browser';
import { loginAsDemo } from '../support/demo-login';
import { axeViolations } from '../support/axe';
import { answer, answerStored } from '../support/prompt';

const baseURL = inject('baseURL');
const siteId = inject('demoSiteId');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('asks the shop counter’s question on its hosted page and stores the answer under that touchpoint', async () => {
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await loginAsDemo(adminPage, baseURL);
  const { touchpoints } = await (await adminPage.request.get(`${baseURL}/api/v1/sites/${siteId}/touchpoints`)).json();
  const counter = touchpoints.find((t: { key: string }) => t.key === 'store-counter');
  const qr = await adminPage.request.get(`${baseURL}/api/v1/sites/${siteId}/touchpoints/store-counter/qr.svg`);
  expect(qr.headers()['content-type']).toContain('image/svg+xml');
  await admin.close();

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  const errors = collectPageErrors(page);
  const visit = page.waitForRequest((r) => r.url().endsWith('/v1/events') && (r.postData() ?? '').includes('"visit"'));
  // The address the printed QR code holds (qr.svg encodes it): the visit counts as arriving by QR code.
  await page.goto(`${baseURL}/t/${counter.code}?tl_qr=1`);
  await expect.poll(() => page.locator('h1').innerText()).toBe('Shop counter (QR)');
  expect(
    JSON.parse((await visit).postData()!).events.find((e: { type: string }) => e.type === 'visit').context.channel,
  ).toBe('qr');
  const stored = answerStored(page);
  await answer(page, 5);
  const res = await stored;
  expect(res.status()).toBe(202);
  // The batch holds the answer and the prompt events beside it (issue 14): each is stored once.
  const sent = JSON.parse(res.request().postData()!).events as { type: string }[];
  expect(sent.filter((e) => e.type === 'answer')).toHaveLength(1);
  expect(await res.json()).toMatchObject({ accepted: sent.length, duplicates: 0 });
  expect(
    JSON.parse(res.request().postData()!).events.find((e: { type: string }) => e.type === 'answer').touchpoint,
  ).toBe('store-counter');
  // The prompt sits in the page's flow, not over it, and nothing broke (a CSP violation is a console error).
  expect(await page.locator('#prompt').boundingBox()).not.toBeNull();
  expect(errors).toEqual([]);

  const missing = await page.goto(`${baseURL}/t/nosuchcode`);
  expect(missing?.status()).toBe(404);
  await phone.close();
});

it('follows the phone’s dark mode on the hosted page, readable in light and dark', async () => {
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await loginAsDemo(adminPage, baseURL);
  const { touchpoints } = await (await adminPage.request.get(`${baseURL}/api/v1/sites/${siteId}/touchpoints`)).json();
  const code = touchpoints.find((t: { key: string }) => t.key === 'store-counter').code;
  await admin.close();
  const colours: Record<string, { bg: string; fg: string }> = {};
  for (const colorScheme of ['light', 'dark'] as const) {
    // bypassCSP: axe goes in as a script, which the page's strict CSP would refuse
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      colorScheme,
      bypassCSP: true,
    });
    const page = await phone.newPage();
    await page.goto(`${baseURL}/t/${code}`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Shop counter (QR)');
    colours[colorScheme] = await page.evaluate(() => ({
      bg: getComputedStyle(document.body).backgroundColor,
      fg: getComputedStyle(document.body).color,
    }));
    expect(await axeViolations(page, { include: 'main > h1' })).toEqual([]);
    expect(await axeViolations(page, { include: 'main > p' })).toEqual([]);
    await phone.close();
  }
  expect(colours.light).toEqual({ bg: 'rgb(248, 250, 252)', fg: 'rgb(31, 41, 55)' });
  expect(colours.dark).toEqual({ bg: 'rgb(15, 19, 24)', fg: 'rgb(229, 231, 235)' });
});
