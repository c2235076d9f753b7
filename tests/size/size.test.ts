// The widget's byte budgets as part of `pnpm test` (which builds first): the same check as `pnpm size`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('every shipped widget file is within its gzip budget; no Preact in the loader, no zod anywhere', () => {
  const run = spawnSync(process.execPath, [fileURLToPath(new URL('check-size.mjs', import.meta.url))], {
    encoding: 'utf8',
  });
  console.log(run.stdout);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
});
