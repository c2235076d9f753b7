// Every dashboard screen against the seeded demo: it loads, shows the demo's data, and axe-core finds
// no accessibility violation — at desktop (1280 px) and phone (390 px) width, in light and dark mode.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_SITE_NAME } from '../../scripts/lib/demo-journey.mjs';
import { axeViolations } from '../support/axe';
import { collectPageErrors, launchBrowser } from '../support/browser';
import { loginAsDemo } from '../support/demo-login';

const baseURL = inject('baseURL');
const siteId = inject('demoSiteId');
const siteKey = inject('demoSiteKey');
const site = `/sites/${siteId}`;

interface Screen {
  name: string;
  path: string;
  signedIn: boolean;
  /** What a user sees once the screen has loaded the demo's data. */
  shows: (page: Page) => Promise<void>;
}

const visible = (page: Page, text: string | RegExp) =>
  page.getByText(text).first().waitFor({ state: 'visible', timeout: 15_000 });
const heading = (page: Page, name: string) =>
  page.getByRole('heading', { name, exact: true }).first().waitFor({ timeout: 15_000 });

const SCREENS: Screen[] = [
  { name: 'login', path: '/login', signedIn: false, shows: (p) => heading(p, 'Log in to Throughline') },
  { name: 'signup', path: '/signup', signedIn: false, shows: (p) => heading(p, 'Create your account') },
  {
    name: 'team',
    path: '/team',
    signedIn: true,
    shows: (p) =>
      p
        .getByTestId('member')
        .first()
        .waitFor({ timeout: 15_000 })
        .then(() => heading(p, 'API tokens')),
  },
  {
    name: 'sites',
    path: '/sites',
    signedIn: true,
    shows: (p) => p.getByRole('link', { name: DEMO_SITE_NAME }).first().waitFor({ timeout: 15_000 }),
  },
  {
    name: 'journey map',
    path: `${site}/map`,
    signedIn: true,
    shows: async (p) => {
      await p.getByTestId('n-checkout').first().waitFor({ timeout: 15_000 });
      await heading(p, 'Weakest links');
      expect(Number((await p.getByTestId('n-checkout').first().innerText()).replace(/\D/g, ''))).toBeGreaterThan(0);
    },
  },
  {
    name: 'priorities',
    path: `${site}/priorities`,
    signedIn: true,
    shows: async (p) => {
      await heading(p, 'Ranked by priority');
      expect(await p.locator('table.data tbody tr').count()).toBeGreaterThanOrEqual(5);
      // every name drawn beside a point lies inside the chart's drawing, at any width
      const outside = await p.locator('.scatter .pt-label:not(.pt-label-hidden)').evaluateAll((els) =>
        els
          .filter((e) => {
            const b = (e as SVGTextElement).getBBox();
            return b.x < 0 || b.x + b.width > (e.closest('svg') as SVGSVGElement).viewBox.baseVal.width;
          })
          .map((e) => e.textContent),
      );
      expect(outside).toEqual([]);
      expect(await p.locator('.scatter .pt-label:not(.pt-label-hidden)').count()).toBeGreaterThan(0);
    },
  },
  {
    name: 'partners',
    path: `${site}/partners`,
    signedIn: true,
    shows: (p) =>
      heading(p, 'Partners').then(() =>
        p
          .getByTestId('partner-delivery')
          .getByRole('region', { name: /^Handoffs into/ })
          .waitFor({ timeout: 15_000 }),
      ),
  },
  {
    name: 'consistency',
    path: `${site}/consistency`,
    signedIn: true,
    shows: (p) => heading(p, 'Scores by touchpoint and dimension').then(() => visible(p, 'Checkout')),
  },
  {
    name: 'employees',
    path: `${site}/employees`,
    signedIn: true,
    shows: async (p) => {
      await heading(p, 'Pulse and quality by touchpoint');
      // the demo's staff answered the shop counter's staff page six times: a pulse, not "fewer than 5"
      expect(await p.getByTestId('pulse-store-counter').innerText()).not.toContain('fewer than');
    },
  },
  {
    name: 'connectivity',
    path: `${site}/connectivity`,
    signedIn: true,
    shows: async (p) => {
      await heading(p, 'Transitions');
      expect(
        await p.getByRole('region', { name: 'Transitions table' }).locator('tbody tr').count(),
      ).toBeGreaterThanOrEqual(5);
    },
  },
  {
    name: 'trends',
    path: `${site}/trends`,
    signedIn: true,
    shows: async (p) => {
      await heading(p, 'Alerts');
      await p.locator('.trend-chart canvas').first().waitFor({ timeout: 15_000 });
      expect(await p.getByTestId('trend-summary').innerText()).toMatch(/\d+ answers from/);
    },
  },
  {
    name: 'responses',
    path: `${site}/responses`,
    signedIn: true,
    shows: async (p) => {
      await p.getByTestId('response').first().waitFor({ timeout: 15_000 });
      expect(await p.getByTestId('response').count()).toBe(25);
    },
  },
  {
    name: 'journey setup',
    path: `${site}/journey`,
    signedIn: true,
    shows: (p) => heading(p, 'Touchpoints').then(() => visible(p, 'Shop counter (QR)')),
  },
  { name: 'install', path: `${site}/install`, signedIn: true, shows: (p) => visible(p, siteKey) },
  {
    name: 'settings',
    path: `${site}/settings`,
    signedIn: true,
    shows: (p) =>
      heading(p, 'Look of the prompt').then(() =>
        p.getByTestId('prompt-preview').getByRole('region').waitFor({ timeout: 15_000 }),
      ),
  },
];

const MODES = [
  { label: '1280 px, light', width: 1280, height: 860, colorScheme: 'light' },
  { label: '390 px, light', width: 390, height: 844, colorScheme: 'light' },
  { label: '1280 px, dark', width: 1280, height: 860, colorScheme: 'dark' },
  { label: '390 px, dark', width: 390, height: 844, colorScheme: 'dark' },
] as const;

/** Elements whose right edge sticks out past the viewport, outside any sideways-scrolling box (innermost first). */
function widerThanViewport(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= vw) return [];
    const out: Element[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.right <= vw + 0.5 || r.width === 0) continue;
      let clipped = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') clipped = true;
      }
      if (!clipped) out.push(el);
    }
    const innermost = out.filter((el) => !out.some((o) => o !== el && el.contains(o)));
    return innermost.length
      ? innermost
          .slice(0, 5)
          .map(
            (el) =>
              `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} right=${Math.round(el.getBoundingClientRect().right)}`,
          )
      : [`scrollWidth ${document.documentElement.scrollWidth} > ${vw}`];
  });
}

/** Boxes matching `selector` whose content is wider than they are (so they scroll sideways). */
function sidewaysScrollers(page: Page, selector: string): Promise<string[]> {
  return page
    .locator(selector)
    .evaluateAll((els) =>
      els
        .filter((e) => e.scrollWidth > e.clientWidth + 1)
        .map((e) => `${e.getAttribute('aria-label') ?? e.className}: ${e.scrollWidth} > ${e.clientWidth}`),
    );
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

for (const mode of MODES) {
  describe(`dashboard at ${mode.label}`, () => {
    let signedIn: BrowserContext;
    let anonymous: BrowserContext;
    beforeAll(async () => {
      // bypassCSP: the dashboard's CSP forbids inline scripts, and axe is injected as one.
      const opts = {
        viewport: { width: mode.width, height: mode.height },
        colorScheme: mode.colorScheme,
        bypassCSP: true,
      };
      signedIn = await browser.newContext(opts);
      anonymous = await browser.newContext(opts);
      await loginAsDemo(await signedIn.newPage(), baseURL);
    });
    afterAll(async () => {
      await signedIn?.close();
      await anonymous?.close();
    });

    for (const screen of SCREENS) {
      it(`${screen.name} loads the demo and has no axe violations`, async () => {
        const page = await (screen.signedIn ? signedIn : anonymous).newPage();
        const errors = collectPageErrors(page);
        await page.goto(baseURL + screen.path);
        await screen.shows(page);
        await page.waitForLoadState('networkidle');
        if (mode.colorScheme === 'dark') {
          expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
        }
        // Nothing may stick out sideways at phone width (the page itself never scrolls horizontally).
        expect(await widerThanViewport(page), 'elements wider than the viewport').toEqual([]);
        // Under 600 px a table stacks its rows instead of scrolling sideways; from 721 px up the flow chart fits its card.
        if (mode.width < 600)
          expect(await sidewaysScrollers(page, '.table-wrap:has(table.stack)'), 'tables that scroll sideways').toEqual(
            [],
          );
        else
          expect(await sidewaysScrollers(page, '.table-wrap, .flow-scroll'), 'boxes that scroll sideways').toEqual([]);
        expect(await axeViolations(page)).toEqual([]);
        // Signed out, the app learns so from GET /me answering 401; the browser logs that response.
        const expected = screen.signedIn ? [] : [/status of 401/];
        expect(errors.filter((e) => !expected.some((re) => re.test(e)))).toEqual([]);
        await page.close();
      });
    }
  });
}
