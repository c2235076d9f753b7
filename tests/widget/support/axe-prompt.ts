// axe-core (the root devDependency) injected into the page and run on the prompt's host element, shadow root included.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Violations on the prompt (WCAG 2.2 A/AA and best practices), one line each with the failing nodes. */
export async function promptViolations(page: Page): Promise<string[]> {
  // axe goes in through the test driver (CDP), which a page's CSP does not govern for evaluate().
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${await import('node:fs').then((fs) => fs.readFileSync(AXE, 'utf8'))}`);
  return page.evaluate(async (tags) => {
    type Result = { violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: object, o: object): Promise<Result> } }).axe;
    const res = await axe.run({ include: [['throughline-prompt']] }, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return res.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  }, TAGS);
}
