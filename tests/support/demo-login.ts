// Logs a browser page into the dashboard as the seeded demo user, through the real login screen's API; or opens a
// whole signed-in desktop browser for a suite.
import type { Page } from 'playwright-core';
import { DEMO_LOGIN } from '../../scripts/lib/demo-journey.mjs';
import { collectPageErrors, launchBrowser } from './browser';
import { CSRF_HEADER } from '@throughline/schema/constants';

export async function loginAsDemo(page: Page, baseURL: string): Promise<void> {
  const res = await page.request.post(`${baseURL}/api/v1/auth/login`, {
    data: { email: DEMO_LOGIN.email, password: DEMO_LOGIN.password },
    headers: { [CSRF_HEADER]: '1', origin: baseURL },
  });
  if (res.status() !== 200) throw new Error(`demo login failed: ${res.status()} ${await res.text()}`);
}

/** A desktop browser signed in as the demo user (downloads allowed), with the page's errors collected; `close` ends it. */
export async function demoDesktop(baseURL: string) {
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await loginAsDemo(page, baseURL);
  return { context, page, errors, close: () => browser.close() };
}
