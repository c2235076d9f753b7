// Priorities for a new site: a touchpoint left off the chart says why, as its prompt and answers explain it —
// "its prompt does not ask importance" (never "needs 5 answers on importance") with a link that opens that prompt,
// and "needs 5 answers on importance" only where the prompt does ask it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { collectPageErrors, launchBrowser } from '../support/browser';
import { CSRF_HEADER } from '@throughline/schema/constants';

const baseURL = inject('baseURL');
const headers = { [CSRF_HEADER]: '1', origin: baseURL };
let browser: Browser;
let page: Page;
let siteId = '';

async function must(res: Awaited<ReturnType<Page['request']['post']>>, status: number): Promise<{ id: string }> {
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()) as { id: string };
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const r = page.request;
  await must(
    await r.post(`${baseURL}/api/v1/auth/signup`, {
      headers,
      data: { email: `prio-${Date.now()}@prio.test`, password: 'priority-password-1', organization: 'Tidy Tents' },
    }),
    201,
  );
  siteId = (await must(await r.post(`${baseURL}/api/v1/sites`, { headers, data: { name: 'Tents' } }), 201)).id;
  const touchpoints = [
    // asks importance and has enough answers: placed
    { key: 'checkout', name: 'Checkout', dimensions: ['sensorial', 'cognitive', 'importance'], answers: 6 },
    // never asks importance: more answers would not place it
    { key: 'leaflet', name: 'Care leaflet', dimensions: ['sensorial', 'affective', 'cognitive'], answers: 6 },
    // asks importance, too few answers yet
    { key: 'returns', name: 'Returns', dimensions: ['cognitive', 'importance'], answers: 2 },
  ];
  const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const rows: string[] = [];
  for (const t of touchpoints) {
    await must(
      await r.post(`${baseURL}/api/v1/sites/${siteId}/touchpoints`, {
        headers,
        data: { key: t.key, name: t.name, stage: 'Purchase', channel: 'web' },
      }),
      201,
    );
    await must(
      await r.put(`${baseURL}/api/v1/sites/${siteId}/touchpoints/${t.key}/prompt`, {
        headers,
        data: { dimensions: t.dimensions },
      }),
      200,
    );
    for (let i = 0; i < t.answers; i++) {
      const v = (d: string) => (t.dimensions.includes(d) ? String(2 + (i % 3)) : '');
      rows.push(`${day},${t.key},${v('sensorial')},${v('affective')},${v('cognitive')},${v('importance')},answer ${i}`);
    }
  }
  await must(
    await r.post(`${baseURL}/api/v1/sites/${siteId}/import.csv`, {
      headers: { ...headers, 'content-type': 'text/csv' },
      data: `at,touchpoint,sensorial,affective,cognitive,importance,comment\n${rows.join('\n')}\n`,
    }),
    200,
  );
});
afterAll(async () => {
  await browser?.close();
});

it('says a touchpoint is not placed because its prompt does not ask importance, and links to that prompt', async () => {
  const errors = collectPageErrors(page);
  await page.goto(`${baseURL}/sites/${siteId}/priorities`);
  await page.getByTestId('not-placed-leaflet').waitFor({ timeout: 15_000 });
  const leaflet = await page.getByTestId('not-placed-leaflet').innerText();
  expect(leaflet).toContain('Care leaflet (6 answers): its prompt does not ask importance');
  expect(leaflet).not.toMatch(/needs \d+ answers on importance/);
  expect(await page.getByTestId('not-placed-returns').innerText()).toContain(
    'Returns (2 answers): needs 5 answers on quality (has 2) and on importance (has 2)',
  );
  expect(await page.getByTestId('not-placed-checkout').count()).toBe(0);
  expect(await page.getByRole('cell', { name: 'Checkout' }).count()).toBe(1);

  await page.getByTestId('not-placed-leaflet').getByRole('link', { name: 'Add importance to its prompt' }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe(`/sites/${siteId}/journey`);
  const button = page
    .locator('li')
    .filter({ has: page.getByText('Care leaflet', { exact: true }) })
    .getByRole('button', { name: 'Prompt', exact: true });
  await expect.poll(() => button.getAttribute('aria-expanded'), { timeout: 15_000 }).toBe('true');
  expect(errors).toEqual([]);
});
