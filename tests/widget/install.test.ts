// Each install scenario, in script-tag and npm mode, against the built bundles and the local worker: the prompt
// renders and submits (the answer is stored, read back through the API), the page sees no error, the host's
// computed styles are unchanged and the widget adds at most one global (`throughline`, script tag only).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MODES, type Mode } from './support/fixture-server';
import { answer, prompt } from '../support/prompt';
import { globals, hostStyles, openPage } from './support/page-probe';
import { widgetSuite } from './support/suite';
import { createTestSite } from './support/test-site';

const s = widgetSuite();
const DIST = new URL('../../packages/widget/dist/', import.meta.url);

describe('the bundles under test', () => {
  it('are the minified production build: the worker serves the built /w.js and the core and prompt chunks it names', async () => {
    const served = await (await fetch(`${s.baseURL}/w.js`)).text();
    expect(served).toBe(readFileSync(new URL('w.js', DIST), 'utf8'));
    const chunks = [...new Set([...served.matchAll(/w\/(?:core|prompt)\.[\w-]+\.js/g)].map((m) => m[0]))];
    expect(chunks).toHaveLength(2);
    for (const chunk of [...chunks, 'w.js']) {
      const code = await (await fetch(`${s.baseURL}/${chunk}`)).text();
      expect(code, chunk).toBe(readFileSync(new URL(chunk, DIST), 'utf8'));
      // V8's compile hint leads each file, so that its functions compile off the main thread while it streams in.
      expect(code.startsWith('//# allFunctionsCalledOnLoad\n'), chunk).toBe(true);
      // Minified: no other comment lines, and long lines (the prompt's stylesheet is the only multi-line string).
      const body = code.slice(code.indexOf('\n') + 1);
      expect(body, chunk).not.toMatch(/^\s*\/\//m);
      expect(body.length / body.split('\n').length, chunk).toBeGreaterThan(500);
    }
  });
});

/** The page alone (no widget): the baseline of globals and computed styles. */
async function baseline(page: string) {
  const { context, page: p } = await openPage(s.browser);
  await p.goto(s.fixtures.url('none', 'none', page));
  const out = { globals: await globals(p), styles: await hostStyles(p) };
  await context.close();
  return out;
}

/** Installs in `mode`, answers the prompt and checks everything a host page and the site owner would notice. */
async function installAndAnswer(mode: Mode, file: string, check?: (page: Page) => Promise<void>) {
  const before = await baseline(file);
  const site = await createTestSite(s.baseURL, s.fixtures.origin);
  const { context, page, errors, posts } = await openPage(s.browser);
  await page.goto(s.fixtures.url(mode, site.key, file));
  await prompt(page).waitFor({ timeout: 15_000 });
  await check?.(page);
  await answer(page);
  await expect.poll(() => site.counts('page'), { timeout: 15_000 }).toEqual({ n: 1, visits: 1 });
  expect(posts.filter((e) => e.type === 'answer')).toHaveLength(1);

  const added = (await globals(page)).filter((g) => !before.globals.includes(g));
  expect(added).toEqual(mode === 'script' ? ['throughline'] : []);
  expect(await hostStyles(page)).toEqual(before.styles);
  expect(errors).toEqual([]);
  await context.close();
}

for (const mode of MODES) {
  describe(`${mode} install`, () => {
    it('blank page', () => installAndAnswer(mode, 'blank.html'));

    it('hostile CSS: the prompt keeps its own look and stays on screen', () =>
      installAndAnswer(mode, 'hostile-css.html', async (page) => {
        const look = await prompt(page).evaluate((card) => {
          const legend = card.querySelector('legend')!;
          const box = card.getBoundingClientRect();
          const cs = getComputedStyle(legend);
          return {
            font: cs.fontSize,
            spacing: cs.letterSpacing,
            transform: cs.textTransform,
            width: Math.round(box.width),
            inView: box.bottom <= innerHeight && box.right <= innerWidth && box.top >= 0,
          };
        });
        expect(look).toEqual({ font: '15px', spacing: 'normal', transform: 'none', width: 360, inView: true });
      }));

    it('a page that overrides fetch, Array.prototype and JSON', () => installAndAnswer(mode, 'overrides.html'));

    it('strict CSP with a nonce (no unsafe-inline, no eval)', () => installAndAnswer(mode, 'strict-csp.html'));

    it('right-to-left (ar) page: Arabic text, mirrored layout', () =>
      installAndAnswer(mode, 'rtl.html', async (page) => {
        const p = prompt(page);
        expect(await p.getAttribute('dir')).toBe('rtl');
        expect(await p.getAttribute('lang')).toBe('ar');
        await expect.poll(() => p.locator('button.send').innerText(), { timeout: 15_000 }).toBe('إرسال');
        const box = (await p.boundingBox())!;
        // The corner card sits in the inline-end corner: the left one in a right-to-left page.
        expect(box.x).toBeLessThan(page.viewportSize()!.width / 2);
      }));

    it('single-page app: history and hash route changes are touchpoints, each visit sent with the one before', async () => {
      const site = await createTestSite(s.baseURL, s.fixtures.origin, [
        { key: 'spa-home', match: ['/*/spa.html'] },
        {
          key: 'spa-checkout',
          match: ['/*/checkout'],
          prompt: { dimensions: ['cognitive'], trigger: { type: 'immediate' }, sampling: 1, recontactDays: 30 },
        },
        { key: 'spa-help', match: ['/*/checkout#/help'] },
      ]);
      const { context, page, errors, posts } = await openPage(s.browser);
      await page.goto(s.fixtures.url(mode, site.key, 'spa.html'));
      await expect.poll(() => posts.map((e) => e.touchpoint), { timeout: 15_000 }).toEqual(['spa-home']);
      await page.click('#to-checkout');
      await answer(page);
      await page.click('#to-help');
      await expect
        .poll(() => posts.filter((e) => e.type === 'visit').map((e) => [e.touchpoint, e.from ?? null]), {
          timeout: 15_000,
        })
        .toEqual([
          ['spa-home', null],
          ['spa-checkout', 'spa-home'],
          ['spa-help', 'spa-checkout'],
        ]);
      await expect.poll(() => site.counts('spa-checkout'), { timeout: 15_000 }).toEqual({ n: 1, visits: 1 });
      expect(await site.counts('spa-help')).toMatchObject({ visits: 1 });
      expect(errors).toEqual([]);
      await context.close();
    });
  });
}
