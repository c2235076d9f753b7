// Journey setup on the seeded demo: the URL-rule matcher answers with the widget's own matcher, and an offline
// touchpoint's QR code loads from the API and downloads as SVG and as PNG.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { axeEverywhere } from '../support/axe';
import { demoDesktop } from '../support/demo-login';

const baseURL = inject('baseURL');
const siteId = inject('demoSiteId');
let demo: Awaited<ReturnType<typeof demoDesktop>>;
let page: Page;
let errors: string[];

beforeAll(async () => {
  demo = await demoDesktop(baseURL);
  ({ page, errors } = demo);
  await page.goto(`${baseURL}/sites/${siteId}/journey`);
  await page.getByRole('heading', { name: 'Touchpoints' }).waitFor({ timeout: 15_000 });
});
afterAll(async () => {
  await demo?.close();
});

it("tells whether a URL matches a touchpoint's rules, as the widget would", async () => {
  const row = page.locator('li.tp-row', { has: page.getByText('Checkout', { exact: true }) });
  await row.getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('form', { name: 'Edit Checkout' });
  const input = form.getByLabel('Does this URL match?');
  const result = form.getByTestId('match-result');

  await input.fill('https://shop.example/demo/checkout.html?step=pay');
  await expect.poll(() => result.innerText()).toBe('✓ Matches /demo/checkout*');
  await input.fill('/demo/cart.html');
  await expect.poll(() => result.innerText()).toBe('No rule matches /demo/cart.html.');

  // Editing the rules changes the answer at once, before saving.
  await form.getByLabel('URL rules').fill('/demo/checkout*\n/demo/cart.html');
  await expect.poll(() => result.innerText()).toBe('✓ Matches /demo/cart.html');
  await form.getByRole('button', { name: 'Cancel' }).click();
  expect(errors).toEqual([]);
});

it("shows an offline touchpoint's QR code and downloads it as SVG and PNG", async () => {
  const row = page.locator('li.tp-row', { has: page.getByText('Shop counter (QR)', { exact: true }) });
  const img = row.getByRole('img', { name: /QR code for Shop counter/ });
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(100);
  const link = await row.getByRole('link', { name: /\/t\// }).getAttribute('href');
  expect(link).toMatch(new RegExp(`^${baseURL}/t/[\\w-]+$`));

  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('link', { name: 'Download SVG' }).click(),
  ]);
  expect(svgDownload.suggestedFilename()).toBe('store-counter-qr.svg');
  expect(readFileSync((await svgDownload.path())!, 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);

  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('button', { name: 'Download PNG' }).click(),
  ]);
  expect(pngDownload.suggestedFilename()).toBe('store-counter-qr.png');
  const png = readFileSync((await pngDownload.path())!);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  // IHDR: 1024 × 1024.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
  expect(errors).toEqual([]);
});

it('saves partner domains, which the widget config then carries', async () => {
  const form = page.getByRole('form', { name: 'Partner domains' });
  await form.getByLabel('Domains, one per line').fill('https://track.swiftship.example/parcel\nnot a domain');
  await form.getByRole('button', { name: 'Save partner domains' }).click();
  await form.getByText(/Not a domain: not, a, domain/).waitFor();

  await form.getByLabel('Domains, one per line').fill('https://track.swiftship.example/parcel');
  await form.getByRole('button', { name: 'Save partner domains' }).click();
  await form.getByText('Saved', { exact: true }).waitFor();
  expect(await form.getByLabel('Domains, one per line').inputValue()).toBe('track.swiftship.example');
  const site = await (await page.request.get(`${baseURL}/api/v1/sites/${siteId}`)).json();
  expect(site.settings.partners).toEqual(['track.swiftship.example']);
  const config = await (await page.request.get(`${baseURL}/v1/sites/${site.key}/config`)).json();
  expect(config.partners).toEqual(['track.swiftship.example']);
  expect(errors).toEqual([]);
});

it("warns while a partner's origin is not allowed, and takes localhost with a port for local testing", async () => {
  const form = page.getByRole('form', { name: 'Partner domains' });
  const warning = form.getByTestId('partner-origin-warning');
  await warning.waitFor();
  expect(await warning.innerText()).toContain('https://track.swiftship.example');
  expect(await axeEverywhere(page)).toEqual([]);
  // The demo allows http://localhost:8787 (scripts/seed.mjs), so this partner's answers are kept: no warning.
  await form.getByLabel('Domains, one per line').fill('localhost:8787');
  await form.getByRole('button', { name: 'Save partner domains' }).click();
  await form.getByText('Saved', { exact: true }).waitFor();
  expect(await warning.count()).toBe(0);
  await form.getByLabel('Domains, one per line').fill('track.swiftship.example');
  await form.getByRole('button', { name: 'Save partner domains' }).click();
  await form.getByText('Saved', { exact: true }).waitFor();
  expect(errors).toEqual([]);
});
