// Signs a browser page into the dashboard as the seeded demo user (the session global-setup.ts opened); or opens a
// whole signed-in desktop browser for a suite.
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { collectPageErrors, launchBrowser } from './browser';

export async function loginAsDemo(page: Page, baseURL: string): Promise<void> {
  // the suites share one session (global-setup.ts): a login per suite would reach the login throttle
  const cookie = inject('demoCookie');
  const eq = cookie.indexOf('=');
  await page.context().addCookies([
    {
      name: cookie.slice(0, eq),
      value: cookie.slice(eq + 1),
      url: baseURL.replace(/^http:/, 'https:'), // a Secure cookie; Chromium sends it to http://localhost too
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
    },
  ]);
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
