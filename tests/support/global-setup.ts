// Starts one local Worker (wrangler dev, a fresh local D1 in a temp folder) for the browser tests,
// seeds the demo organization through the API, and provides its URL and keys to the tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { writeDemoPages } from '../../scripts/lib/demo-pages.mjs';
import { freePort } from '../../scripts/lib/free-port.mjs';
import { startLocalWorker } from '../../scripts/lib/local-worker.mjs';
import { seedDemo } from '../../scripts/seed.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    demoSiteKey: string;
    demoSiteId: string;
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
  return async () => {
    await worker.stop();
    rmSync(persistTo, { recursive: true, force: true });
  };
}
