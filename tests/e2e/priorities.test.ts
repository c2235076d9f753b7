// Priorities on the seeded demo: a touchpoint left off the chart says why, as its prompt and answers explain it —
// "its prompt does not ask importance" (never "needs 5 answers on importance") with a link that opens that prompt.
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { demoDesktop } from '../support/demo-login';

const baseURL = inject('baseURL');
const siteId = inject('demoSiteId');
let demo: Awaited<ReturnType<typeof demoDesktop>>;

beforeAll(async () => { demo = await demoDesktop(baseURL); });
afterAll(async () => { await demo?.close(); });

interface Setup { touchpoints: { key: string; name: string; prompt: { dimensions: string[] } | null }[] }
interface Overview { minN: number; touchpoints: { key: string; importance: number | null; quality: number | null; scores: Record<string, { n: number }> }[] }

it('says a touchpoint is not placed because its prompt does not ask importance, and links to that prompt', async () => {
  const { page, errors } = demo;
  await page.goto(`${baseURL}/sites/${siteId}/priorities`);
  await page.getByTestId('not-placed').waitFor({ timeout: 15_000 });
  const setup: Setup = await (await page.request.get(`${baseURL}/api/v1/sites/${siteId}/touchpoints`)).json();
  const overview: Overview = await (await page.request.get(`${baseURL}/api/v1/sites/${siteId}/analytics/overview`)).json();

  const unasked = overview.touchpoints.filter((t) => t.importance == null && !setup.touchpoints.find((s) => s.key === t.key)!.prompt?.dimensions.includes('importance'));
  // the demo's welcome email and rewards club prompts ask look, feeling and ease only
  expect(unasked.map((t) => t.key).sort()).toEqual(['rewards', 'welcome-email']);
  for (const t of unasked) {
    const line = await page.getByTestId(`not-placed-${t.key}`).innerText();
    expect(line).toContain('its prompt does not ask importance');
    expect(line).not.toMatch(/needs \d+ answers on importance/);
  }
  expect(await page.getByTestId('not-placed').locator('li').count()).toBe(overview.touchpoints.filter((t) => t.importance == null || t.quality == null).length);

  await page.getByTestId('not-placed-rewards').getByRole('link', { name: 'Add importance to its prompt' }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe(`/sites/${siteId}/journey`);
  const rewards = page.locator('li').filter({ has: page.getByText('Rewards club', { exact: true }) }).getByRole('button', { name: 'Prompt', exact: true });
  await expect.poll(() => rewards.getAttribute('aria-expanded'), { timeout: 15_000 }).toBe('true');
  expect(errors).toEqual([]);
});
