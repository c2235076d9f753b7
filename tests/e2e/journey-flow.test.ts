// The journey flow on Connectivity against the seeded demo: the drawn links are exactly the API's transitions
// (each once, with its count, none invented), laid out in stage order; hover and keyboard focus show a link's
// numbers; following one touchpoint shows where its visitors come from and go next; on a phone the same moves
// are a list; axe finds nothing at 1280 and 390 px, light and dark.
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { collectPageErrors, launchBrowser } from '../support/browser';
import { loginAsDemo } from '../support/demo-login';

const baseURL = inject('baseURL');
const siteId = inject('demoSiteId');
/** Where the 1280 px picture of the view is left for a person to look at. */
const SCREENSHOT = path.join(tmpdir(), 'journey-flow-1280.png');

type Move = { from: string; to: string; count: number };
/** The parts of GET …/analytics/overview this test reads. */
interface Overview {
  touchpoints: { key: string; name: string; stage: string }[];
  connectivity: { transitions: (Move & { handoff: number | null })[] };
}
const key = (m: Move) => `${m.from}>${m.to}`;
const sorted = (ms: Move[]) =>
  ms.map((m) => ({ from: m.from, to: m.to, count: m.count })).sort((a, b) => key(a).localeCompare(key(b)));

/** Opens Connectivity and returns the overview and stages the view was given, as the API answered them. */
async function openConnectivity(page: Page): Promise<{ overview: Overview; stages: string[] }> {
  const overview = page.waitForResponse(
    (r) => r.url().includes(`/sites/${siteId}/analytics/overview`) && r.status() === 200,
  );
  const stages = page.waitForResponse((r) => r.url().endsWith(`/sites/${siteId}/stages`) && r.status() === 200);
  await page.goto(`${baseURL}/sites/${siteId}/connectivity`);
  const result = {
    overview: (await (await overview).json()) as Overview,
    stages: ((await (await stages).json()) as { stages: string[] }).stages,
  };
  await page.getByRole('heading', { name: 'Journey flow' }).waitFor({ timeout: 15_000 });
  return result;
}

/** The moves drawn inside `scope`, from their data attributes. */
function drawn(page: Page, scope: string): Promise<(Move & { kind: string })[]> {
  return page.locator(`${scope} [data-from]`).evaluateAll((els) =>
    els.map((e) => ({
      from: e.getAttribute('data-from')!,
      to: e.getAttribute('data-to')!,
      count: Number(e.getAttribute('data-count')),
      kind: e.getAttribute('data-kind')!,
    })),
  );
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('journey flow at 1280 px', () => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let api: Awaited<ReturnType<typeof openConnectivity>>;
  const chart = '[data-testid="flow-chart"]';

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    errors = collectPageErrors(page);
    await loginAsDemo(page, baseURL);
    api = await openConnectivity(page);
    await page.locator(`${chart} .flow-edge`).first().waitFor({ timeout: 15_000 });
  });
  afterAll(async () => {
    await context?.close();
  });

  it('draws every transition of the API exactly once, with its count, and none it does not have', async () => {
    const transitions = api.overview.connectivity.transitions;
    expect(transitions.length).toBeGreaterThanOrEqual(10);
    const links = await drawn(page, chart);
    expect(new Set(links.map(key)).size).toBe(links.length);
    expect(sorted(links)).toEqual(sorted(transitions));
    // The moves the old chart dropped are there: the main path and the moves back.
    for (const k of [
      'home>product',
      'product>cart',
      'cart>checkout',
      'product>size-guide',
      'home>help',
      'welcome-email>rewards',
      'store-counter>home',
    ]) {
      expect(links.map(key)).toContain(k);
    }
  });

  it('lays touchpoints out in stage order and marks moves back or within a stage', async () => {
    const stageOf = new Map(api.overview.touchpoints.map((t) => [t.key, t.stage]));
    const rank = (k: string) => api.stages.indexOf(stageOf.get(k)!);
    const left = async (k: string) =>
      (await page.locator(`${chart} .flow-node[data-key="${k}"] rect`).boundingBox())!.x;
    const xs = new Map<string, number>();
    for (const t of api.overview.touchpoints) xs.set(t.key, await left(t.key));
    for (const a of api.overview.touchpoints)
      for (const b of api.overview.touchpoints) {
        if (rank(a.key) < rank(b.key)) expect(xs.get(a.key)!, `${a.key} before ${b.key}`).toBeLessThan(xs.get(b.key)!);
        if (rank(a.key) === rank(b.key)) expect(xs.get(a.key)).toBe(xs.get(b.key));
      }
    expect(Math.min(...xs.values())).toBe(xs.get('home'));
    for (const l of await drawn(page, chart)) {
      const kind = rank(l.to) > rank(l.from) ? 'forward' : rank(l.to) < rank(l.from) ? 'back' : 'within';
      expect(l.kind, key(l)).toBe(kind);
    }
    expect(await page.locator(`${chart} [data-kind="back"]`).count()).toBeGreaterThan(0);
  });

  it('shows a link’s moves, handoff and quality change on hover and on keyboard focus', async () => {
    const readout = page.getByTestId('flow-readout');
    await page.locator(`${chart} .flow-edge[data-from="cart"][data-to="checkout"]`).hover();
    const cart = api.overview.connectivity.transitions.find((t) => t.from === 'cart' && t.to === 'checkout')!;
    await expect.poll(() => readout.innerText()).toContain(`Cart → Checkout: ${cart.count} moves`);
    expect(await readout.innerText()).toMatch(/handoff \d+ \(\d+ answers\), quality change [−+±]\d+/);
    await page.mouse.move(0, 0);

    // One tab stop into the links; the arrow keys move between them, each announcing its numbers.
    await page.getByRole('region', { name: /Journey flow chart/ }).focus();
    await page.keyboard.press('Tab');
    const focused = () =>
      page.evaluate(
        () => document.activeElement?.getAttribute('data-from') + '>' + document.activeElement?.getAttribute('data-to'),
      );
    const first = await focused();
    expect(first).toBe('home>product');
    expect(await readout.innerText()).toMatch(/^Home page → Product page: \d+ moves, handoff/);
    await page.keyboard.press('ArrowRight');
    expect(await focused()).not.toBe(first);
    expect(await readout.innerText()).toContain(
      `${await page.evaluate(() => document.activeElement?.getAttribute('data-count'))} moves`,
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      await readout.innerText(),
    );
    await page.keyboard.press('Shift+Tab');
  });

  it('follows one touchpoint: its moves in and out stay lit, the rest dims, and a list says where visitors come from and go', async () => {
    await page.getByLabel('Follow a touchpoint').selectOption('size-guide');
    const touching = api.overview.connectivity.transitions.filter(
      (t) => t.from === 'size-guide' || t.to === 'size-guide',
    );
    const lit = await page
      .locator(`${chart} .flow-edge:not(.dim)`)
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-from')}>${e.getAttribute('data-to')}`));
    expect(lit.sort()).toEqual(touching.map(key).sort());
    expect(sorted(await drawn(page, '[data-testid="flow-list"]'))).toEqual(sorted(touching));
    await page.getByRole('heading', { name: /Where visitors of Size guide come from/ }).waitFor();
    await page.getByRole('heading', { name: /Where they go next/ }).waitFor();
    await page.screenshot({ path: SCREENSHOT.replace('.png', '-size-guide.png') });
    await page.getByRole('button', { name: 'Show all' }).click();
    expect(await page.locator(`${chart} .flow-edge.dim`).count()).toBe(0);
    await page.getByRole('heading', { name: 'Journey flow' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: SCREENSHOT });
    expect(errors).toEqual([]);
  });
});

describe('journey flow on a 390 px phone', () => {
  it('lists every move by touchpoint instead of the chart, with nothing wider than the screen', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await loginAsDemo(page, baseURL);
    const api = await openConnectivity(page);
    await page.locator('[data-testid="flow-list"] .flow-row').first().waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('flow-chart').isVisible()).toBe(false);
    expect(sorted(await drawn(page, '[data-testid="flow-list"]'))).toEqual(
      sorted(api.overview.connectivity.transitions),
    );
    const wide = await page
      .locator('[data-testid="flow-list"] *')
      .evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().right > window.innerWidth).length);
    expect(wide).toBe(0);
    await context.close();
  });
});

describe('journey flow between 721 and 1200 px', () => {
  for (const width of [721, 900, 1024, 1199]) {
    it(`draws every move in a chart that fits its card at ${width} px, without a sideways scroll`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await loginAsDemo(page, baseURL);
      const api = await openConnectivity(page);
      await page.locator('[data-testid="flow-chart"] .flow-edge').first().waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('flow-chart').isVisible()).toBe(true);
      expect(sorted(await drawn(page, '[data-testid="flow-chart"]'))).toEqual(
        sorted(api.overview.connectivity.transitions),
      );
      const box = page.getByRole('region', { name: 'Journey flow chart' });
      const [scroll, client] = await box.evaluate((e) => [e.scrollWidth, e.clientWidth]);
      expect(scroll, `chart ${scroll} px in a ${client} px box`).toBeLessThanOrEqual(client + 1);
      // names stay legible: the drawing is shrunk to no less than three quarters of its size
      const scale = await page
        .locator('svg.flow')
        .evaluate((svg) => svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width);
      expect(scale).toBeGreaterThanOrEqual(0.75);
      await context.close();
    });
  }
});

const MODES = [
  { width: 1280, height: 860, colorScheme: 'light' },
  { width: 390, height: 844, colorScheme: 'light' },
  { width: 1280, height: 860, colorScheme: 'dark' },
  { width: 390, height: 844, colorScheme: 'dark' },
] as const;

describe('journey flow accessibility', () => {
  for (const mode of MODES) {
    it(`has no axe violations at ${mode.width} px, ${mode.colorScheme}, showing all moves and one followed touchpoint`, async () => {
      const context = await browser.newContext({
        viewport: { width: mode.width, height: mode.height },
        colorScheme: mode.colorScheme,
        bypassCSP: true,
      });
      const page = await context.newPage();
      await loginAsDemo(page, baseURL);
      await openConnectivity(page);
      await page
        .locator('[data-testid="flow-chart"] .flow-edge')
        .first()
        .waitFor({ state: 'attached', timeout: 15_000 });
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Follow a touchpoint').selectOption('checkout');
      await page.getByRole('heading', { name: /Where visitors of Checkout come from/ }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }
});
