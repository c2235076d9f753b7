// Accessibility check of the page as it is now: axe-core (a devDependency of tests/) run inside the page.
// axe goes in through the test driver (CDP evaluate), which a page's Content-Security-Policy does not govern,
// so the same check runs on the dashboard and on the widget's strict-CSP fixture pages.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

export interface AxeScope {
  /** A CSS selector to check (shadow roots below it included); the whole document by default. */
  include?: string;
  /** Rule tags to run (e.g. `wcag22aa`); every rule by default. */
  tags?: string[];
}

/** Runs axe-core and returns the violations, each failing node on one line. */
export async function axeViolations(page: Page, scope: AxeScope = {}): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async ({ include, tags }) => {
    type Result = {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      }[];
    };
    const axe = (window as unknown as { axe: { run(ctx: object, opts: object): Promise<Result> } }).axe;
    const context = include ? { include: [[include]] } : document;
    const options = tags
      ? { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }
      : { resultTypes: ['violations'] };
    const res = await axe.run(context, options);
    return res.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} — ${n.failureSummary ?? ''}`),
    }));
  }, scope);
}

/** axe violations of the page as it is, at 1280 and 390 px wide, in the light and the dark colour scheme; leaves it light. */
export async function axeEverywhere(page: Page, scope: AxeScope = {}): Promise<string[]> {
  const found: string[] = [];
  for (const width of [1280, 390]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      for (const v of await axeViolations(page, scope))
        found.push(`${width} ${colorScheme}: ${v.id} ${v.nodes.join(' | ')}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}
