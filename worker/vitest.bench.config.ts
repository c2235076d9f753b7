// Benchmarks that run inside workerd (bench/*.bench.ts), with the same bindings as the worker tests: `pnpm bench rows`.
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
        },
      }),
    ],
    test: {
      name: 'worker-bench',
      include: ['bench/**/*.bench.ts'],
      setupFiles: ['./test/apply-migrations.ts'],
    },
  };
});
