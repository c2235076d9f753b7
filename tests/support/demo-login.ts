// Logs a browser page into the dashboard as the seeded demo user, through the real login screen's API.
import type { Page } from 'playwright-core';
import { DEMO_LOGIN } from '../../scripts/lib/demo-journey.mjs';

export async function loginAsDemo(page: Page, baseURL: string): Promise<void> {
  const res = await page.request.post(`${baseURL}/api/v1/auth/login`, {
    data: { email: DEMO_LOGIN.email, password: DEMO_LOGIN.password },
    headers: { 'x-throughline': '1', origin: baseURL },
  });
  if (res.status() !== 200) throw new Error(`demo login failed: ${res.status()} ${await res.text()}`);
}
