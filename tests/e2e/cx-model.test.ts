// The rest of the experience model, as a team meets it (issue 13 parts 3–5), on a new site with answers imported:
// - Priorities places touchpoints whose prompts never ask importance by derived importance, marked "derived",
//   the one loyalty depends on first, and lists the loyalty drivers;
// - the brand promise written in Settings, and Consistency's thematic cohesion with the touchpoint drifting from it;
// - five staff answer the pulse on the built /e/ page on a phone, and the Employees screen shows the score.
// Each screen: axe 0 at 390 px in dark mode.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { collectPageErrors, launchBrowser } from '../support/browser';
import { CSRF_HEADER } from '@throughline/schema/constants';

const baseURL = inject('baseURL');
const headers = { [CSRF_HEADER]: '1', origin: baseURL };
let browser: Browser;
let dash: BrowserContext;
let page: Page;
let siteId = '';

async function must(res: Awaited<ReturnType<Page['request']['post']>>, status: number): Promise<{ id: string }> {
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()) as { id: string };
}

beforeAll(async () => {
  browser = await launchBrowser();
  dash = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark', bypassCSP: true });
  page = await dash.newPage();
  const r = page.request;
  await must(
    await r.post(`${baseURL}/api/v1/auth/signup`, {
      headers,
      data: { email: `cx-${Date.now()}@cx.test`, password: 'model-thirteen-pass', organization: 'Trail Co' },
    }),
    201,
  );
  siteId = (await must(await r.post(`${baseURL}/api/v1/sites`, { headers, data: { name: 'Trailhead' } }), 201)).id;
  for (const [key, name] of [
    ['home', 'Home'],
    ['cart', 'Cart'],
    ['checkout', 'Checkout'],
  ]) {
    await must(
      await r.post(`${baseURL}/api/v1/sites/${siteId}/touchpoints`, {
        headers,
        data: { key, name, stage: 'Purchase', channel: 'web' },
      }),
      201,
    );
  }
  // 40 visitors rate home, cart and checkout (same value on three dimensions); the intent answer at checkout equals
  // the cart rating, so loyalty depends on cart alone. Theme: home 5, cart 4, checkout 1 (drifting).
  const at = (h: number) => new Date(Date.now() - 2 * 86_400_000 + h * 60_000).toISOString();
  const events = [];
  let seed = 3;
  const rate = () => 1 + ((seed = (seed * 1103515245 + 12345) % 2147483648) % 5);
  for (let i = 0; i < 40; i++) {
    const visitor = `cx-visitor-${i}-abcdef`;
    const [h, c, k] = [rate(), rate(), rate()];
    const same = (x: number) => ({ sensorial: x, affective: x, cognitive: x });
    events.push(
      {
        id: crypto.randomUUID(),
        type: 'answer',
        visitor,
        touchpoint: 'home',
        at: at(1),
        answers: { ...same(h), theme: 5 },
      },
      {
        id: crypto.randomUUID(),
        type: 'answer',
        visitor,
        touchpoint: 'cart',
        at: at(2),
        answers: { ...same(c), theme: 4 },
      },
      {
        id: crypto.randomUUID(),
        type: 'answer',
        visitor,
        touchpoint: 'checkout',
        at: at(3),
        answers: { ...same(k), behavioral: c, theme: 1 },
      },
    );
  }
  await must(await r.post(`${baseURL}/api/v1/sites/${siteId}/import`, { headers, data: { events } }), 200);
});
afterAll(async () => {
  await browser?.close();
});

async function noAxeViolations(p: Page) {
  await p.waitForLoadState('networkidle');
  expect(await axeViolations(p)).toEqual([]);
}

it('ranks first by derived importance the touchpoint loyalty depends on, marked derived', async () => {
  const errors = collectPageErrors(page);
  await page.goto(`${baseURL}/sites/${siteId}/priorities`);
  await page.getByRole('heading', { name: 'Ranked by priority' }).waitFor({ timeout: 15_000 });
  const first = page.locator('table.data tbody tr').first();
  expect(await first.innerText()).toContain('Cart');
  expect(await first.innerText()).toMatch(/derived/i);
  await page.getByRole('heading', { name: 'Loyalty drivers' }).waitFor();
  expect(await page.getByTestId('loyalty-drivers').locator('tbody tr').first().innerText()).toMatch(
    /Cart[\s\S]*100[\s\S]*Intent answer[\s\S]*40/,
  );
  await noAxeViolations(page);
  expect(errors).toEqual([]);
});

it('keeps the brand promise from Settings and shows thematic cohesion with the drifting touchpoint', async () => {
  const errors = collectPageErrors(page);
  await page.goto(`${baseURL}/sites/${siteId}/settings`);
  await page.getByLabel('Brand promise').fill('Gear that gets you outdoors with confidence');
  const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Brand theme' }) });
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByText('Saved').waitFor({ timeout: 15_000 });
  await page.getByRole('link', { name: 'Consistency', exact: true }).click();
  const section = page.getByTestId('thematic-cohesion');
  await section.waitFor({ timeout: 15_000 });
  expect(await section.innerText()).toContain('Gear that gets you outdoors with confidence');
  // theme scores 100, 75, 0: mean 58, spread 42; checkout 58 below
  expect(await section.innerText()).toMatch(/brand fit\s*58/i);
  expect(await page.getByTestId('theme-checkout').innerText()).toContain('drifting, 58 below');
  await noAxeViolations(page);
  expect(errors).toEqual([]);
});

it('takes five staff answers on the staff page and shows the pulse on the Employees screen', async () => {
  const errors = collectPageErrors(page);
  await page.goto(`${baseURL}/sites/${siteId}/employees`);
  await page.getByRole('heading', { name: 'Pulse and quality by touchpoint' }).waitFor({ timeout: 15_000 });
  expect(await page.getByTestId('pulse-cart').innerText()).toContain('fewer than 5');
  await page.getByTestId('pulse-cart').getByText('Staff link').click();
  const link = (await page.getByTestId('staff-link-cart').getAttribute('href'))!;
  expect(new URL(link).pathname).toMatch(/^\/e\/[a-z0-9]+$/);
  await noAxeViolations(page);

  // five people on their phones, each in a fresh context: tools 4, support 2 + i % 2, pride 5
  for (let i = 0; i < 5; i++) {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      colorScheme: 'dark',
    });
    const staff = await phone.newPage();
    await staff.goto(link);
    if (i === 0) expect(await axeViolations(staff)).toEqual([]);
    for (const [q, v] of [
      ['tools', 4],
      ['support', 2 + (i % 2)],
      ['pride', 5],
    ] as const) {
      await staff.locator(`input[name="${q}"][value="${v}"]`).check();
    }
    await staff.getByRole('button', { name: 'Send' }).click();
    await staff.getByRole('heading', { name: 'Thank you' }).waitFor();
    expect((await phone.cookies()).length).toBe(0);
    await phone.close();
  }
  // answers: tools 4 × 5 = 20, support 2 + 3 + 2 + 3 + 2 = 12, pride 25; 57 / 15 = 3.8 → (3.8 − 1) / 4 × 100 = 70
  await page.reload();
  await expect.poll(() => page.getByTestId('pulse-cart').innerText(), { timeout: 15_000 }).toMatch(/Cart[\s\S]*\b70\b/);
  expect(await page.getByTestId('pulse-cart').innerText()).toMatch(/\b5\b/);
  await noAxeViolations(page);
  expect(errors).toEqual([]);
});
