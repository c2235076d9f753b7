// The newcomer path (issue 14), as one flow through the real dashboard, widget and worker: every page of the demo
// client site records a visit; then a CX team's first hour: sign up → create a site for its own (second local)
// origin → add a touchpoint with a URL rule and a prompt → paste the install snippet into a page of the site →
// the install screen says when a visit was dropped as a bot's, then sees the first visit → a visitor answers →
// the answer shows on the journey map and in priorities.
import { readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { axeEverywhere } from '../support/axe';
import { collectPageErrors, launchBrowser } from '../support/browser';
import { loginAsDemo } from '../support/demo-login';
import { answer, answerStored, prompt } from '../support/prompt';

const baseURL = inject('baseURL');
const demoSiteId = inject('demoSiteId');
let browser: Browser;
/** Each page of the demo client site (apps/demo), as its links open it, and the touchpoint its visit belongs to. */
const DEMO_PAGES: Record<string, { path: string; touchpoint: string }> = {
  'index.html': { path: '/demo/', touchpoint: 'home' },
  'product.html': { path: '/demo/product.html', touchpoint: 'product' },
  'size-guide.html': { path: '/demo/size-guide.html', touchpoint: 'size-guide' },
  'cart.html': { path: '/demo/cart.html', touchpoint: 'cart' },
  'checkout.html': { path: '/demo/checkout.html', touchpoint: 'checkout' },
  'delivery.html': { path: '/demo/delivery.html', touchpoint: 'delivery' },
  // Reached from the welcome email's link, which says so.
  'setup.html': { path: '/demo/setup.html?src=email', touchpoint: 'welcome-email' },
  'help.html': { path: '/demo/help.html', touchpoint: 'help' },
  'rewards.html': { path: '/demo/rewards.html', touchpoint: 'rewards' },
};
// The customer's shop: its own origin on this machine, serving a checkout page whose only script is the
// install snippet the team copied from the dashboard.
let shop: Server;
let shopOrigin: string;
let snippet = '';

beforeAll(async () => {
  browser = await launchBrowser();
  shop = createServer((req, res) => {
    if (!req.url?.startsWith('/shop/')) return void res.writeHead(req.url === '/favicon.ico' ? 204 : 404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkout · Pine & Paddle</title></head>
<body><main><h1>Checkout</h1><p>Your basket: one canoe paddle.</p></main>${snippet}</body></html>`);
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  shopOrigin = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => shop?.close(resolve));
});

it('records a visit on every page of the demo client site', async () => {
  // A page added to the demo must be added here, with the touchpoint it records.
  expect(
    readdirSync(new URL('../../apps/demo/', import.meta.url))
      .filter((f) => f.endsWith('.html'))
      .sort(),
  ).toEqual(Object.keys(DEMO_PAGES).sort());
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await loginAsDemo(page, baseURL);
  const visitsOf = async () => {
    const o = await (await page.request.get(`${baseURL}/api/v1/sites/${demoSiteId}/analytics/overview`)).json();
    return Object.fromEntries(o.touchpoints.map((t: { key: string; visits: number }) => [t.key, t.visits])) as Record<
      string,
      number
    >;
  };
  const before = await visitsOf();
  // What the widget sends (a page's visit may leave with the next page's, or on page hide).
  const visited: string[] = [];
  page.on('request', (r) => {
    if (!r.url().endsWith('/v1/events')) return;
    for (const e of JSON.parse(r.postData() ?? '{}').events ?? []) if (e.type === 'visit') visited.push(e.touchpoint);
  });
  for (const { path, touchpoint } of Object.values(DEMO_PAGES)) {
    await page.goto(`${baseURL}${path}`);
    await expect.poll(() => visited.includes(touchpoint), { message: path, timeout: 10_000 }).toBe(true);
  }
  expect([...new Set(visited)].sort()).toEqual(
    Object.values(DEMO_PAGES)
      .map((p) => p.touchpoint)
      .sort(),
  );
  // Each was stored: every touchpoint's visits went up (one stay each; a new page of another touchpoint is a new stay).
  await expect
    .poll(
      async () => {
        const after = await visitsOf();
        return Object.values(DEMO_PAGES)
          .filter(({ touchpoint }) => !(after[touchpoint]! > before[touchpoint]!))
          .map((p) => p.touchpoint);
      },
      { timeout: 15_000 },
    )
    .toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

it('takes a new team from sign-up to its first answer on the journey map and in priorities', async () => {
  const team = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const dash = await team.newPage();
  const errors = collectPageErrors(dash);

  // Sign up.
  await dash.goto(`${baseURL}/signup`);
  await dash.getByLabel('Organization').fill('Pine & Paddle');
  await dash.getByLabel('Work email').fill(`cx-${Date.now()}@pine-paddle.test`);
  await dash.getByLabel('Password').fill('a-long-enough-password');
  await dash.getByRole('button', { name: 'Create account' }).click();

  // Create a site: no sites yet, so the sites screen teaches the first step.
  await dash.getByRole('heading', { name: 'Create your first site' }).waitFor({ timeout: 15_000 });
  await dash.getByLabel('Site name').fill('Pine & Paddle shop');
  await dash.getByLabel('Allowed origins').fill(shopOrigin);
  await dash.getByRole('button', { name: 'Create site' }).click();
  await dash.getByText('Pine & Paddle shop is ready.').waitFor();
  await dash.getByRole('link', { name: 'Set up the journey' }).click();

  // A touchpoint with a URL rule, then its prompt with the defaults.
  await dash.getByRole('button', { name: 'Add a touchpoint' }).click();
  const tpForm = dash.getByRole('form', { name: 'New touchpoint' });
  await tpForm.getByLabel('Name', { exact: true }).fill('Checkout');
  await tpForm.getByLabel('Stage', { exact: true }).selectOption('Purchase');
  await tpForm.getByLabel('URL rules').fill('/shop/checkout*');
  await tpForm.getByRole('button', { name: 'Add touchpoint' }).click();
  await dash.getByRole('button', { name: 'Add prompt' }).click();
  await dash.getByRole('button', { name: 'Create prompt' }).click();
  await dash.getByText('Saved', { exact: true }).waitFor();

  // Install: copy the snippet; the live check waits for the first visit.
  await dash.getByRole('link', { name: 'Install snippet' }).click();
  snippet = await dash.getByLabel('Install snippet', { exact: true }).innerText();
  expect(snippet).toMatch(/^<script async src="http:\/\/localhost:\d+\/w\.js" data-site="[^"]+"><\/script>$/);
  const check = dash.getByTestId('first-visit');
  await expect.poll(() => check.innerText()).toContain('Waiting for the first visit');

  // Tried first with an automated browser: its visit is dropped as a bot's, and the install screen says so.
  const key = snippet.match(/data-site="([^"]+)"/)![1]!;
  const bot = await dash.request.post(`${baseURL}/v1/events`, {
    headers: {
      origin: shopOrigin,
      'content-type': 'text/plain',
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Playwright/1.50',
    },
    data: JSON.stringify({
      site: key,
      visitor: crypto.randomUUID().replace(/-/g, ''),
      events: [{ id: crypto.randomUUID(), type: 'visit', touchpoint: 'checkout', at: new Date().toISOString() }],
    }),
  });
  expect(await bot.json()).toMatchObject({ accepted: 0, dropped: 1 });
  const dropped = dash.getByTestId('dropped-bots');
  await dropped.waitFor({ timeout: 15_000 });
  expect(await dropped.innerText()).toMatch(/1 event dropped as a bot's.*ALLOW_HEADLESS=true/s);
  expect(await check.innerText()).toContain('Waiting for the first visit');
  expect(await axeEverywhere(dash)).toEqual([]);
  await dash.setViewportSize({ width: 1280, height: 900 });

  // A visitor opens the checkout page of the shop: a visit is recorded and the prompt is shown.
  const visitor = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await visitor.newPage();
  const pageErrors = collectPageErrors(page);
  await page.goto(`${shopOrigin}/shop/checkout?step=pay`);
  await expect.poll(() => check.innerText(), { timeout: 20_000 }).toContain('First visit seen');
  expect(await check.innerText()).toContain('1 visit');

  await prompt(page).waitFor({ timeout: 15_000 });
  expect(await prompt(page).locator('fieldset').count()).toBe(3);
  const stored = answerStored(page);
  await answer(page, 2);
  expect((await stored).status()).toBe(202);
  await expect.poll(() => prompt(page).getByText('Thank you').count()).toBeGreaterThan(0);
  expect(pageErrors).toEqual([]);

  // The journey map counts the answer; below the minimum n it shows no bare score.
  await dash.getByRole('link', { name: 'Journey map' }).click();
  const n = dash.getByTestId('n-checkout');
  await expect.poll(async () => ((await n.count()) ? n.first().innerText() : ''), { timeout: 15_000 }).toBe('1');
  await dash.getByText('1 answer across 1 touchpoint').first().waitFor();

  // Priorities: not placed on the chart yet, and says why, with the answer counted.
  await dash.getByRole('link', { name: 'Priorities' }).click();
  await expect
    .poll(() => dash.getByTestId('not-placed').innerText(), { timeout: 15_000 })
    .toContain('Checkout (1 answer)');

  // Before sign-up, GET /me answers 401 (that is how the app knows nobody is signed in); the browser logs it.
  expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  await visitor.close();
  await team.close();
});
