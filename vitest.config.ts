// `pnpm test` runs every project: worker tests in workerd against real D1,
// and browser tests (widget, dashboard, end-to-end) in real Chromium against a local worker.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      'worker',
      {
        test: {
          name: 'schema',
          include: ['packages/schema/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'browser',
          include: ['packages/widget/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          // One local worker and one Chromium are shared; files run one after another on 2 cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
