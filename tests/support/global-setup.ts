// Starts one local Worker (wrangler dev, a fresh local D1 in a temp folder) for the browser tests,
// seeds the demo organization through the API, and provides its URL and keys to the tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CSRF_HEADER } from '@throughline/schema/constants';
import type { TestProject } from 'vitest/node';
import { DEMO_LOGIN } from '../../scripts/lib/demo-journey.mjs';
import { writeDemoPages } from '../../scripts/lib/demo-pages.mjs';
import { freePort } from '../../scripts/lib/free-port.mjs';
import { startLocalWorker } from '../../scripts/lib/local-worker.mjs';
import { seedDemo } from '../../scripts/seed.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    demoSiteKey: string;
    demoSiteId: string;
    /** A signed-in session of the demo user (`__Host-tl_session=…`), shared by the suites: logging in once per
     * suite would reach the login throttle's 50 attempts per address and 15 minutes. */
    demoCookie: string;
  }
}

export default async function setup(project: TestProject) {
  const persistTo = mkdtempSync(path.join(tmpdir(), 'throughline-e2e-'));
  const worker = await startLocalWorker({
    port: await freePort(),
    persistTo,
    vars: { PEPPER: 'e2e-pepper', ALLOW_HEADLESS: 'true', ENVIRONMENT: 'development' },
    quiet: true,
  });
  // The full demo (as `pnpm dev` seeds it): enough answers in the last 7 days for its trend alert at any hour.
  const seed = await seedDemo(worker.url);
  writeDemoPages(seed.siteKey);
  // Let wrangler's asset watcher pick up the rewritten demo pages.
  await new Promise((r) => setTimeout(r, 1500));
  project.provide('baseURL', worker.url);
  project.provide('demoSiteKey', seed.siteKey);
  project.provide('demoSiteId', seed.siteId);
  const login = await fetch(`${worker.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1', origin: worker.url },
    body: JSON.stringify({ email: DEMO_LOGIN.email, password: DEMO_LOGIN.password }),
  });
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('__Host-tl_session='))
    ?.split(';')[0];
  if (login.status !== 200 || !cookie) throw new Error(`demo login failed: ${login.status} ${await login.text()}`);
  project.provide('demoCookie', cookie);
  return async () => {
    await worker.stop();
    rmSync(persistTo, { recursive: true, force: true });
  };
}
