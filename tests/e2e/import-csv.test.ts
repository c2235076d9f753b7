// Importing historical answers from a CSV file on the Responses screen: a file with a bad line is refused with that
// line named and nothing imported; the corrected file imports, its answers are listed, and sending it again adds none.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { collectPageErrors, launchBrowser } from '../support/browser';
import { CSRF_HEADER } from '@throughline/schema/constants';

const baseURL = inject('baseURL');
const headers = { [CSRF_HEADER]: '1', origin: baseURL };
let browser: Browser;
let page: Page;
let siteId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const signup = await page.request.post(`${baseURL}/api/v1/auth/signup`, {
    headers,
    data: { email: `import-${Date.now()}@csv.test`, password: 'import-password-1', organization: 'Paper Surveys Ltd' },
  });
  expect(signup.status()).toBe(201);
  siteId = (await (await page.request.post(`${baseURL}/api/v1/sites`, { headers, data: { name: 'Store' } })).json()).id;
  const tp = await page.request.post(`${baseURL}/api/v1/sites/${siteId}/touchpoints`, {
    headers,
    data: { key: 'counter', name: 'Store counter', stage: 'Purchase', channel: 'offline' },
  });
  expect(tp.status()).toBe(201);
});
afterAll(async () => {
  await browser?.close();
});

async function upload(name: string, text: string) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import CSV' }).click(),
  ]);
  await chooser.setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

it('refuses a file with a bad line, naming it; imports the corrected one once', async () => {
  const errors = collectPageErrors(page);
  const day = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
  await page.goto(`${baseURL}/sites/${siteId}/responses`);
  await page.getByRole('heading', { name: 'No answers in this range' }).waitFor({ timeout: 15_000 });

  await upload(
    'week-12.csv',
    `at,touchpoint,sensorial,affective,comment\n${day},counter,5,4,Friendly\n${day},counter,6,4,\n`,
  );
  const refused = page.getByRole('alert').filter({ hasText: 'Nothing was imported from week-12.csv' });
  await refused.getByText(/Line 3: answers/).waitFor({ timeout: 15_000 });
  expect(await page.getByTestId('response').count()).toBe(0);

  await upload(
    'week-12.csv',
    `at,touchpoint,sensorial,affective,comment\n${day},counter,5,4,Friendly\n${day},counter,2,3,\n`,
  );
  await page.getByRole('status').filter({ hasText: 'week-12.csv: 2 rows imported.' }).waitFor({ timeout: 15_000 });
  await expect.poll(() => page.getByTestId('response').count()).toBe(2);
  expect(await page.getByTestId('response').filter({ hasText: 'Friendly' }).count()).toBe(1);
  expect(await axeViolations(page)).toEqual([]);

  await upload(
    'week-12.csv',
    `at,touchpoint,sensorial,affective,comment\n${day},counter,5,4,Friendly\n${day},counter,2,3,\n`,
  );
  await page
    .getByRole('status')
    .filter({ hasText: 'week-12.csv: 0 rows imported, 2 rows already there.' })
    .waitFor({ timeout: 15_000 });
  await expect.poll(() => page.getByTestId('response').count()).toBe(2);
  // The browser logs the refused upload's 400, which the screen showed.
  expect(errors.filter((e) => !/status of 400\b/.test(e))).toEqual([]);
});
