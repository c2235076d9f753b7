// Benchmarks that run inside workerd (bench/*.bench.ts), with the worker tests' bindings and migrations:
// `pnpm bench rows`. Only the name and the files differ from vitest.config.ts.
import { defineConfig, type ViteUserConfig } from 'vitest/config';
import tests from './vitest.config';

export default defineConfig(async (env) => {
  const base = (await (typeof tests === 'function' ? tests(env) : tests)) as ViteUserConfig;
  return { ...base, test: { ...base.test, name: 'worker-bench', include: ['bench/**/*.bench.ts'] } };
});
