// `pnpm screenshots`: the real app on a fresh local D1 with the full demo seed, photographed in Chromium.
// Writes docs/screenshots/*.png (shown in the README).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from '../../scripts/build.mjs';
import { writeDemoPages } from '../../scripts/lib/demo-pages.mjs';
import { DEMO_LOGIN } from '../../scripts/lib/demo-journey.mjs';
import { startLocalWorker } from '../../scripts/lib/local-worker.mjs';
import { ROOT } from '../../scripts/lib/paths.mjs';
import { seedDemo } from '../../scripts/seed.mjs';

const OUT = path.join(ROOT, 'docs/screenshots');
const VIEWS = [
  'map',
  'priorities',
  'consistency',
  'connectivity',
  'trends',
  'partners',
  'employees',
  'responses',
  'journey',
  'install',
  'settings',
];
/** The first screen (journey map, straight after login) may load at most this much JavaScript, gzip. */
const FIRST_SCREEN_JS_BUDGET = 120 * 1024;
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

mkdirSync(OUT, { recursive: true });
build();
const persistTo = mkdtempSync(path.join(tmpdir(), 'throughline-shots-'));
const worker = await startLocalWorker({ port: 8795, persistTo, vars: { PEPPER: 'screenshots' }, quiet: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
try {
  const seed = await seedDemo(worker.url);
  writeDemoPages(seed.siteKey);
  await new Promise((r) => setTimeout(r, 1500));

  const shoot = async (page, name) => {
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: false });
    console.log(`docs/screenshots/${name}.png`);
  };

  // The prompt on a demo page, as a first-time visitor sees it.
  const visitor = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await visitor.goto(`${worker.url}/demo/checkout.html`);
  await visitor.getByRole('region').first().waitFor({ timeout: 15_000 });
  await shoot(visitor, 'demo-prompt');

  for (const [width, height, suffix] of [
    [1280, 860, ''],
    [390, 844, '-mobile'],
  ]) {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(`${worker.url}/`);
    await page.getByLabel(/email/i).fill(DEMO_LOGIN.email);
    await page.getByLabel(/password/i).fill(DEMO_LOGIN.password);
    await page.getByRole('button', { name: /log in/i }).click();
    await page.waitForURL(/\/sites\//, { timeout: 15_000 });
    if (!suffix) {
      // What the first screen costs: every script it loaded, gzipped as a server would send it.
      await page.waitForLoadState('networkidle');
      const scripts = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((u) => u.endsWith('.js')),
      );
      const urls = [...new Set([...scripts, ...(await page.$$eval('script[src]', (els) => els.map((e) => e.src)))])];
      let gz = 0;
      for (const u of urls) gz += gzipSync(Buffer.from(await (await fetch(u)).arrayBuffer()), { level: 9 }).length;
      console.log(
        `first screen JS: ${(gz / 1024).toFixed(1)} KB gzip in ${urls.length} files (budget ${FIRST_SCREEN_JS_BUDGET / 1024} KB)`,
      );
      if (gz > FIRST_SCREEN_JS_BUDGET) process.exitCode = 1;
    }
    for (const view of suffix ? ['map'] : VIEWS) {
      await page.goto(
        `${worker.url}/sites/${seed.siteId}/${view}?from=${new Date(Date.now() - 59 * 86_400_000).toISOString().slice(0, 10)}`,
      );
      await shoot(page, `dashboard-${view}${suffix}`);
    }
    if (!suffix) {
      await page.goto(
        `${worker.url}/sites/${seed.siteId}/touchpoints/checkout?from=${new Date(Date.now() - 59 * 86_400_000).toISOString().slice(0, 10)}`,
      );
      await shoot(page, 'dashboard-touchpoint');
      await page.goto(`${worker.url}/team`);
      await shoot(page, 'dashboard-team');
    }
    await context.close();
  }
} finally {
  await browser.close();
  await worker.stop();
  rmSync(persistTo, { recursive: true, force: true });
}
