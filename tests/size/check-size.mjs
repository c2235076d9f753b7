// Size budget of every shipped widget byte (gzip -9), printed as a table; exits non-zero on an overrun.
// Also checks that the loader holds no Preact and that no output holds zod. Run after `vite build` in packages/widget.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../../packages/widget/dist/', import.meta.url));
const files = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

let all;
try {
  all = files(dist).filter((f) => f.endsWith('.js'));
} catch {
  console.error(`no widget build at ${dist}: run the widget build first`);
  process.exit(1);
}

/** Budgets in gzip bytes, by output. */
const budgets = [
  { name: 'loader', test: (f) => f === 'w.js', limit: 2_000 },
  { name: 'prompt chunk', test: (f) => /^w\/prompt\.[\w-]+\.js$/.test(f), limit: 10_000 },
  { name: 'core chunk', test: (f) => /^w\/core\.[\w-]+\.js$/.test(f), limit: 5_000 },
  { name: 'locale pack', test: (f) => /^w\/l\.[\w-]+\/\w+\.js$/.test(f), limit: 1_000 },
  // The npm build ships readable (the app's bundler minifies it); it holds the same engine as the core chunk.
  // 8,500: signed journey links (issue 15) and the real-site fixes (issue 16) together add ~600 B unminified
  { name: 'npm entry (unminified)', test: (f) => f === 'npm/throughline.js', limit: 8_500 },
  { name: 'npm chunk (unminified)', test: (f) => f.startsWith('npm/') && f !== 'npm/throughline.js', limit: 12_000 },
];

const rows = [];
const problems = [];
for (const b of budgets) {
  const matched = all.filter((f) => b.test(relative(dist, f)));
  if (!matched.length) problems.push(`${b.name}: no file`);
  for (const f of matched) {
    const code = readFileSync(f);
    const gz = gzipSync(code, { level: 9 }).length;
    rows.push({ output: b.name, file: relative(dist, f), raw: code.length, gzip: gz, budget: b.limit, ok: gz <= b.limit ? 'yes' : 'OVER' });
    if (gz > b.limit) problems.push(`${b.name} ${relative(dist, f)}: ${gz} > ${b.limit} bytes gzip`);
  }
}

const loader = all.find((f) => relative(dist, f) === 'w.js');
// Preact's own markers: its option hooks and VNode internals never appear in our loader source.
if (loader && /preact|__H|__k|__v|options\.vnode/.test(readFileSync(loader, 'utf8'))) problems.push('w.js contains Preact code');
for (const f of all) if (/\bzod\b|ZodError|\$ZodType/.test(readFileSync(f, 'utf8'))) problems.push(`${relative(dist, f)} contains zod`);

console.table(rows);
if (problems.length) {
  console.error('size check failed:\n  ' + problems.join('\n  '));
  process.exit(1);
}
console.log('size check passed');
