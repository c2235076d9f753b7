// Responses and trends on the seeded demo: filters kept in the URL narrow the list, pages load on demand,
// the export link downloads what the list shows, and the trends view draws the selected touchpoint's days.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { demoDesktop } from '../support/demo-login';

const baseURL = inject('baseURL');
const siteId = inject('demoSiteId');
let demo: Awaited<ReturnType<typeof demoDesktop>>;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  demo = await demoDesktop(baseURL);
  ({ context, page, errors } = demo);
});
afterAll(async () => {
  await demo?.close();
});

it('filters responses by touchpoint and comment, in the URL, pages on, and exports the same answers as CSV', async () => {
  await page.goto(
    `${baseURL}/sites/${siteId}/responses?from=${new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10)}`,
  );
  const items = page.getByTestId('response');
  await items.first().waitFor({ timeout: 15_000 });
  expect(await items.count()).toBe(25);
  await page.getByRole('button', { name: 'Show 25 more' }).click();
  await expect.poll(() => items.count()).toBe(50);

  await page.getByLabel('Touchpoint').selectOption({ label: 'Checkout' });
  await page.getByLabel('Only answers with a comment').check();
  await expect.poll(() => new URL(page.url()).searchParams.get('touchpoint')).toBe('checkout');
  expect(new URL(page.url()).searchParams.get('comments')).toBe('1');
  await expect
    .poll(
      async () =>
        (await items.allInnerTexts()).every((t) => t.startsWith('Checkout')) &&
        (await page.locator('.response-comment').count()) === (await items.count()),
    )
    .toBe(true);
  const shown = await items.count();
  expect(shown).toBeGreaterThan(0);

  // A shared link opens the same filtered list.
  const other = await context.newPage();
  await other.goto(page.url());
  await other.getByTestId('response').first().waitFor({ timeout: 15_000 });
  await expect.poll(() => other.getByTestId('response').count()).toBe(shown);
  await other.close();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export CSV' }).click(),
  ]);
  const lines = readFileSync((await download.path())!, 'utf8')
    .trim()
    .split(/\r?\n/);
  expect(lines[0]!.split(',').slice(0, 4)).toEqual(['id', 'at', 'visitor', 'touchpoint']);
  expect(lines[0]).toContain(',comment,');
  if (shown < 25) expect(lines.length - 1).toBe(shown);
  expect(lines.slice(1).every((l) => l.split(',')[3] === 'checkout')).toBe(true);
  expect(errors).toEqual([]);
});

it('draws the rolling 7-day quality of several touchpoints on one chart, as the API gives it, and keeps the choices in the URL', async () => {
  await page.goto(`${baseURL}/sites/${siteId}/trends`);
  await page.locator('.trend-chart canvas').first().waitFor({ timeout: 15_000 });
  // the demo cart has an alert, so it is drawn first; add the parcel tracking to compare
  await page.getByRole('checkbox', { name: /^Parcel tracking \(SwiftShip\)/ }).check();
  await expect
    .poll(() => page.getByTestId('trend-summary').innerText())
    .toMatch(/^Cart, Parcel tracking \(SwiftShip\): [\d,]+ answers? from /);
  expect(new URL(page.url()).searchParams.get('touchpoint')).toBe('cart,delivery');
  expect(await page.locator('.trend-chart canvas').count()).toBe(1);

  // the legend states each line's last 7 days as the API computes them (value and interval)
  const to = new Date().toISOString().slice(0, 10);
  const api = await (
    await page.request.get(`${baseURL}/api/v1/sites/${siteId}/analytics/trends?to=${to}&from=${to}`)
  ).json();
  const lastOf = (key: string) =>
    api.touchpoints.find((x: { touchpoint: string }) => x.touchpoint === key).days.at(-1).rolling.quality;
  const legend = await page.getByTestId('trend-legend').locator('li').allInnerTexts();
  expect(legend).toHaveLength(2);
  for (const [i, key] of ['cart', 'delivery'].entries()) {
    const r = lastOf(key);
    expect(legend[i]).toContain(
      `${Math.round(r.value)} (95% interval ${Math.round(r.ci[0])}–${Math.round(r.ci[1])}) over the last 7 days, ${r.n} answers`,
    );
  }
  // the alert's p-value reads as people write it
  for (const p of await page.getByTestId('alert-p').allInnerTexts()) expect(p).toMatch(/^p (< 0\.001|= 0\.0\d\d)$/);

  // One dimension instead of quality: the chart and its summary follow, and the link keeps the choice.
  await page.getByLabel('Score', { exact: true }).selectOption('cognitive');
  await expect
    .poll(() => page.getByTestId('trend-summary').innerText())
    .toMatch(/; the line is the 7-day rolling ease, drawn where 7 days hold at least \d+ answers/);
  expect(await page.getByRole('heading', { name: '7-day Ease' }).count()).toBe(1);
  expect(new URL(page.url()).searchParams.get('dimension')).toBe('cognitive');
  expect(errors).toEqual([]);
});

it('flags the demo cart, whose quality fell in the last 7 days, on the journey map and opens its trend', async () => {
  await page.goto(`${baseURL}/sites/${siteId}/map`);
  const falling = page.getByTestId('falling-quality');
  await falling.waitFor({ timeout: 15_000 });
  // The demo's cart scores dropped by 0.9 (of 1–5) seven days ago (scripts/lib/demo-journey.mjs DEMO_REGRESSION).
  expect(await falling.innerText()).toMatch(/Cart: \d+ in the last 7 days, \d+ in the 28 days before \(-\d+ points\)/);
  // one status on the card, the falling quality; its quadrant is a note, not a second badge
  expect(await page.getByTestId('card-cart').locator('.tp-status').allInnerTexts()).toEqual(['Quality falling']);
  await falling.getByRole('link', { name: 'Cart' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('touchpoint')).toBe('cart');
  await page.locator('.alert-list').getByText('Cart').first().waitFor({ timeout: 15_000 });
  expect(await page.getByRole('checkbox', { name: /^Cart/ }).isChecked()).toBe(true);
  expect(errors).toEqual([]);
});

it('gives every journey map card one status, and outliers and exits as the overview has them', async () => {
  await page.goto(`${baseURL}/sites/${siteId}/map`);
  await page.getByTestId('n-checkout').first().waitFor({ timeout: 15_000 });
  // the map shows one journey type at a time: the default (docs/metrics.md › Journey types)
  const o = await (await page.request.get(`${baseURL}/api/v1/sites/${siteId}/analytics/overview?journey=main`)).json();
  for (const t of o.touchpoints as { key: string }[]) {
    const card = page.getByTestId(`card-${t.key}`);
    expect(await card.locator('.tp-status').count(), t.key).toBeLessThanOrEqual(1);
    const text = await card.innerText();
    // the card names the farthest outlier on each side
    const mine = (o.consistency.outliers as { touchpoint: string; side: string; points: number }[]).filter(
      (x) => x.touchpoint === t.key,
    );
    for (const side of ['above', 'below']) {
      const far = mine.filter((x) => x.side === side).sort((a, b) => Math.abs(b.points) - Math.abs(a.points))[0];
      if (far) expect(text, t.key).toContain(`${Math.round(Math.abs(far.points))} points ${side} the journey mean`);
    }
    const share = o.connectivity.dropOff[t.key];
    const reached = (o.connectivity.dropOffCounts as { touchpoint: string; journeys: number }[]).find(
      (c) => c.touchpoint === t.key,
    );
    if (share != null)
      expect(await card.getByTestId(`exits-${t.key}`).innerText()).toMatch(
        new RegExp(`^Exits: ${Math.round(share * 100)}% of [\\d,]+ journeys end here`),
      );
    else if (reached)
      expect(await card.getByTestId(`exits-${t.key}`).innerText()).toBe(
        'Journeys are meant to end here: not counted as exits.',
      );
  }
  // the demo has a card above the journey and warnings, told apart by wording and colour
  const statuses = await page
    .locator('.tp-status')
    .evaluateAll((els) => els.map((e) => ({ kind: e.getAttribute('data-status'), color: getComputedStyle(e).color })));
  const above = statuses.find((s) => s.kind === 'above_journey');
  const below = statuses.find((s) => s.kind === 'below_journey' || s.kind === 'many_exits');
  expect(above, 'a card above the journey').toBeDefined();
  expect(below, 'a card below the journey or with many exits').toBeDefined();
  expect(above!.color).not.toBe(below!.color);
  expect(errors).toEqual([]);
});

it("shows how a touchpoint's answers spread over 1–5, as the API counts them", async () => {
  const from = new Date(Date.now() - 59 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date().toISOString().slice(0, 10);
  await page.goto(`${baseURL}/sites/${siteId}/consistency?from=${from}&to=${to}`);
  const spread = page.getByRole('region', { name: 'How answers spread' });
  await spread.waitFor({ timeout: 15_000 });
  await spread.getByLabel('Touchpoint').selectOption({ label: 'Checkout' });
  const overview = await (
    await page.request.get(`${baseURL}/api/v1/sites/${siteId}/analytics/overview?from=${from}&to=${to}`)
  ).json();
  const h: number[] = overview.touchpoints.find((t: { key: string }) => t.key === 'checkout').histograms.cognitive;
  expect(h.reduce((a, b) => a + b, 0)).toBeGreaterThan(20);
  const label = await spread.getByTestId('spread-cognitive').getByRole('img').getAttribute('aria-label');
  expect(label).toBe(`Ease, ${h.reduce((a, b) => a + b, 0)} answers: ${h.map((c, i) => `${i + 1}: ${c}`).join(', ')}`);
  expect(errors).toEqual([]);
});

it('narrows responses to a journey stage with the segment filter, and keeps it in the URL', async () => {
  await page.goto(`${baseURL}/sites/${siteId}/responses`);
  await page.getByTestId('response').first().waitFor({ timeout: 15_000 });
  await page.getByLabel('Segment', { exact: true }).selectOption('stage');
  await page.getByLabel('stage is').fill('Purchase');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('segment')).toBe('stage:Purchase');
  await page.getByRole('button', { name: 'Remove segment stage:Purchase' }).waitFor();
  await expect
    .poll(
      async () => {
        const names = await page.getByTestId('response').locator('.response-head strong').allInnerTexts();
        return names.length > 0 && names.every((n) => n === 'Cart' || n === 'Checkout');
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  expect(errors).toEqual([]);
});

it("deletes one visitor's data from a response, and the API no longer has any of it", async () => {
  await page.goto(`${baseURL}/sites/${siteId}/responses`);
  const first = page.getByTestId('response').first();
  await first.waitFor({ timeout: 15_000 });
  const list = async () =>
    (await (await page.request.get(`${baseURL}/api/v1/sites/${siteId}/responses?limit=200`)).json()).responses as {
      visitor: string;
    }[];
  const visitor = (await list())[0]!.visitor;

  // not in the main action slot: behind the response's menu
  expect(await first.getByRole('button', { name: "Delete visitor's data" }).isVisible()).toBe(false);
  await first.getByText('More…').click();
  page.once('dialog', (d) => void d.accept());
  await first.getByRole('button', { name: "Delete visitor's data" }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: "Deleted this visitor's data" }).count()).toBe(1);
  expect(await page.getByRole('status').filter({ hasText: "Deleted this visitor's data" }).innerText()).toMatch(
    /[1-9]\d* answers?/,
  );
  expect((await list()).some((r) => r.visitor === visitor)).toBe(false);
  expect(errors).toEqual([]);
});
