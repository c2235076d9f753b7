// The README holds on a first try (issue 14): every local address it gives answers on a running Throughline, and
// every `pnpm` command it gives is a script of the repo. The rest of the newcomer path is first-hour.test.ts.
import { readFileSync } from 'node:fs';
import { expect, inject, it } from 'vitest';

const baseURL = inject('baseURL');
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const scripts = Object.keys(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).scripts);

it('answers every local address the README gives', async () => {
  const paths = [...new Set([...readme.matchAll(/http:\/\/localhost:8787(\/[^\s)`|]*)?/g)].map((m) => m[1] ?? '/'))];
  expect(paths).toEqual(expect.arrayContaining(['/', '/demo/', '/w.js', '/api/v1', '/api/v1/openapi.json', '/signup']));
  const failing: string[] = [];
  for (const path of paths) {
    const res = await fetch(`${baseURL}${path}`);
    if (res.status !== 200) failing.push(`${path}: ${res.status}`);
  }
  expect(failing).toEqual([]);
});

it('names only pnpm commands the repo has', () => {
  const named = [...new Set([...readme.matchAll(/pnpm(?:@10)? ([a-z][\w:-]*)/g)].map((m) => m[1]!))];
  const builtIn = new Set(['install', 'exec']);
  expect(named.filter((n) => !builtIn.has(n) && !scripts.includes(n))).toEqual([]);
  expect(named).toEqual(expect.arrayContaining(['install', 'dev', 'test', 'build']));
});
