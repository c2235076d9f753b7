// `pnpm bench [name…] [--flag=value…]`: runs every benchmark in this folder (files named `*.bench.mjs`) and then the
// cost model (`cost`: cost-model.mjs, pure arithmetic), or the named ones, one after another, each in its own Node
// process so that one cannot warm or slow the next. Flags are passed to each of them (the cost model's inputs:
// `pnpm bench cost --per-object=3000 --flush-seconds=60`). `pnpm bench rows` runs the benchmarks that run inside
// workerd (worker/bench/*.bench.ts, worker/vitest.bench.config.ts); only when named.
// Each benchmark prints its own figures; they are bounded in requests and time and stop by themselves.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const worker = path.resolve(here, '../../worker');
/** Named scripts that are not `*.bench.mjs`. @type {Record<string, string>} */
const EXTRA = { cost: 'cost-model.mjs' };
/** Named benchmarks that are not Node scripts: [directory, command, args]; run only when named. @type {Record<string, [string, string, string[]]>} */
const COMMANDS = existsSync(path.join(worker, 'vitest.bench.config.ts'))
  ? { rows: [worker, path.join(worker, 'node_modules/.bin/vitest'), ['run', '--config', 'vitest.bench.config.ts']] }
  : {};
const all = [
  ...readdirSync(here)
    .filter((f) => f.endsWith('.bench.mjs'))
    .sort(),
  ...Object.values(EXTRA),
];
const args = process.argv.slice(2);
const wanted = args.filter((a) => !a.startsWith('--'));
const flags = args.filter((a) => a.startsWith('--'));
const commands = wanted.filter((w) => COMMANDS[w]);
const chosen = wanted.length
  ? all.filter((f) => wanted.some((w) => !COMMANDS[w] && (f.startsWith(w) || EXTRA[w] === f)))
  : all;
if (!chosen.length && !commands.length) {
  console.error(`no benchmark matches ${wanted.join(' ')}; there are: ${all.join(', ')} (cost: ${EXTRA.cost})`);
  process.exit(1);
}
let failed = 0;
for (const file of chosen) {
  console.log(`\n== ${file}`);
  const { status } = spawnSync(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', path.join(here, file), ...flags],
    { stdio: 'inherit' },
  );
  if (status !== 0) failed++;
}
for (const name of commands) {
  const [cwd, command, commandArgs] = /** @type {[string, string, string[]]} */ (COMMANDS[name]);
  console.log(
    `\n== ${name}: ${path.relative(process.cwd(), command)} ${commandArgs.join(' ')} (in ${path.relative(process.cwd(), cwd) || '.'})`,
  );
  const { status } = spawnSync(command, [...commandArgs, ...flags], { cwd, stdio: 'inherit' });
  if (status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
