// Worker tests run inside workerd with a real D1 and the real migrations (see test/apply-migrations.ts).
import path from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, 'migrations'));
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.jsonc' },
        miniflare: {
          bindings: { TEST_MIGRATIONS: migrations, PEPPER: 'test-pepper', ENVIRONMENT: 'test' },
          // Cloudflare's email binding, simulated locally: password reset links by email (routes/password-reset-routes.ts).
          email: { send_email: [{ name: 'EMAIL' }] },
        },
      }),
    ],
    test: {
      name: 'worker',
      // integration tests in workerd share 2 cores with the browser tests under `pnpm test`: 5 s is too tight there
      testTimeout: 20_000,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      setupFiles: ['./test/apply-migrations.ts'],
      globalSetup: ['./test/support/receiver.ts'],
    },
  };
});
