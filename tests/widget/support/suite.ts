// One Chromium and one fixture server per test file (pages and contexts per test), against the local worker.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from '../../support/browser';
import { type FixtureServer, startFixtureServer } from './fixture-server';

export interface Suite {
  baseURL: string;
  browser: Browser;
  fixtures: FixtureServer;
}

export function widgetSuite(): Suite {
  const suite = { baseURL: inject('baseURL') } as Suite;
  beforeAll(async () => {
    suite.browser = await launchBrowser();
    suite.fixtures = await startFixtureServer(suite.baseURL);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.fixtures?.close();
  });
  return suite;
}
