// A journey across devices (docs/metrics.md › Journey link): a customer checks out on a desktop; the team makes that
// customer's link and QR code to the shop counter's page; on a phone (its own storage, its own visitor id) the
// customer opens it and answers. The dashboard counts the move checkout → shop counter and the answer as joined.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { collectPageErrors, launchBrowser } from '../support/browser';
import { loginAsDemo } from '../support/demo-login';
import { answer, answerStored } from '../support/prompt';

const baseURL = inject('baseURL');
const siteId = inject('demoSiteId');
const siteKey = inject('demoSiteKey');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Overview {
  touchpoints: { key: string; n: number; joined: { n: number; linked: number } }[];
  connectivity: { transitions: { from: string; to: string; count: number }[] };
}
/** The overview of the demo's default journey type (Buying): what the dashboard's pages show when none is picked. */
async function overview(page: Page): Promise<Overview> {
  const types = await page.request.get(`${baseURL}/api/v1/sites/${siteId}/journey-types`);
  const { journeyTypes } = (await types.json()) as { journeyTypes: { slug: string; isDefault: boolean }[] };
  const journey = journeyTypes.find((t) => t.isDefault)!.slug;
  const res = await page.request.get(`${baseURL}/api/v1/sites/${siteId}/analytics/overview?journey=${journey}`);
  if (!res.ok()) throw new Error(`overview: ${res.status()} ${await res.text()}`);
  return res.json();
}
const counter = (o: Overview) => o.touchpoints.find((t) => t.key === 'store-counter')!;
const moves = (o: Overview) =>
  o.connectivity.transitions.find((t) => t.from === 'checkout' && t.to === 'store-counter')?.count ?? 0;

it('joins a phone’s answer through a customer’s QR link to the journey begun on a desktop', async () => {
  const team = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const dashboard = await team.newPage();
  await loginAsDemo(dashboard, baseURL);
  const before = await overview(dashboard);

  // the desktop: checkout on the demo shop, with the real widget
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const shop = await desktop.newPage();
  const shopErrors = collectPageErrors(shop);
  const sent = shop.waitForResponse(
    (r) => r.url().endsWith('/v1/events') && (r.request().postData() ?? '').includes('"visit"'),
  );
  await shop.goto(`${baseURL}/demo/checkout.html`);
  expect((await sent).status()).toBe(202);
  const journey = await shop.evaluate(
    (key) => JSON.parse(localStorage.getItem(`tl:${key}:v`) ?? 'null') as string | null,
    siteKey,
  );
  expect(journey).toMatch(/^[a-z0-9]{21}$/);
  await shop.goto('about:blank');

  // the team makes that customer's link and QR code on the shop counter's QR panel (on a phone, in dark mode)
  await dashboard.setViewportSize({ width: 390, height: 844 });
  await dashboard.emulateMedia({ colorScheme: 'dark' });
  await dashboard.goto(`${baseURL}/sites/${siteId}/journey`);
  const panel = dashboard.getByTestId('customer-link-store-counter');
  await panel.getByText('For one customer (packing slip, receipt, email)').click();
  const form = panel.getByRole('form', { name: 'Customer link for Shop counter (QR)' });
  await form.getByLabel('Journey id (optional)').fill(journey!);
  await form.getByRole('button', { name: 'Make customer link' }).click();
  const made = panel.getByTestId('customer-link-made');
  const url = (await made.getByLabel(`Customer link for journey ${journey}`).textContent())!.trim();
  expect(url).toMatch(new RegExp(`^${baseURL}/t/[a-z0-9]+\\?tl_qr=1&tl_j=${journey}\\.[0-9a-z]+\\.[\\w-]{43}$`));
  const qr = made.getByRole('img', { name: /^QR code for Shop counter/ });
  await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  expect(await axeViolations(dashboard, { include: '[data-testid="customer-link-store-counter"]' })).toEqual([]);
  expect(await dashboard.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await dashboard.setViewportSize({ width: 1280, height: 900 });

  // the phone: another device, its own storage; it opens the printed code and answers
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  const errors = collectPageErrors(page);
  const visit = page.waitForRequest((r) => r.url().endsWith('/v1/events') && (r.postData() ?? '').includes('"visit"'));
  await page.goto(url);
  const body = JSON.parse((await visit).postData()!) as {
    visitor: string;
    events: { type: string; link?: string; context?: { channel: string } }[];
  };
  expect(body.visitor).not.toBe(journey);
  const sentVisit = body.events.find((e) => e.type === 'visit')!;
  expect(sentVisit.link).toBe(url.split('tl_j=')[1]);
  expect(sentVisit.context!.channel).toBe('qr'); // a printed code, not a partner hand-over
  expect(page.url()).not.toContain('tl_j'); // kept out of the address bar
  const stored = answerStored(page);
  await answer(page, 2);
  expect((await stored).status()).toBe(202);
  await page.goto('about:blank');

  // the dashboard: one more move checkout → shop counter, one more answer joined (arrived with the link)
  await expect.poll(async () => moves(await overview(dashboard)), { timeout: 20_000 }).toBe(moves(before) + 1);
  const after = await overview(dashboard);
  expect(counter(after).n).toBe(counter(before).n + 1);
  expect(counter(after).joined).toEqual({ n: counter(before).joined.n + 1, linked: counter(before).joined.linked + 1 });
  await dashboard.goto(`${baseURL}/sites/${siteId}/touchpoints/store-counter`);
  await expect
    .poll(() => dashboard.getByTestId('tp-joined').textContent(), { timeout: 15_000 })
    .toContain(
      `Joined to a journey: ${counter(after).joined.n} of ${counter(after).n} answers (${counter(after).joined.linked} arrived with a journey link)`,
    );
  await dashboard.goto(`${baseURL}/sites/${siteId}/connectivity`);
  await dashboard.getByRole('region', { name: 'Transitions table' }).getByText('Shop counter (QR)').first().waitFor();
  expect(errors).toEqual([]);
  expect(shopErrors).toEqual([]);
  await Promise.all([team.close(), desktop.close(), phone.close()]);
});
