// `pnpm bench [name…]`: runs every benchmark in this folder (files named `*.bench.mjs`), or the named ones,
// one after another, each in its own Node process so that one cannot warm or slow the next.
// Each benchmark prints its own figures; they are bounded in requests and time and stop by themselves.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const all = readdirSync(here).filter((f) => f.endsWith('.bench.mjs')).sort();
const wanted = process.argv.slice(2);
const chosen = wanted.length ? all.filter((f) => wanted.some((w) => f.startsWith(w))) : all;
if (!chosen.length) {
  console.error(`no benchmark matches ${wanted.join(' ')}; there are: ${all.join(', ')}`);
  process.exit(1);
}
let failed = 0;
for (const file of chosen) {
  console.log(`\n== ${file}`);
  const { status } = spawnSync(process.execPath, [path.join(here, file)], { stdio: 'inherit' });
  if (status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
