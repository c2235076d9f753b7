// Runs a workspace package's npm script with its own and the root's node_modules/.bin on PATH
// (so it works whether or not pnpm itself is on PATH, and on the pinned Node 22).
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BIN } from './paths.mjs';

/**
 * @param {string} dir the package's directory
 * @param {string} name the script
 * @returns {boolean} whether the package has that script
 */
export function runScript(dir, name) {
  /** @type {{ scripts?: Record<string, string> }} */
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const script = pkg.scripts?.[name];
  if (!script) return false;
  const PATH = [path.join(dir, 'node_modules/.bin'), BIN, process.env.PATH].join(path.delimiter);
  execSync(script, { cwd: dir, stdio: 'inherit', env: { ...process.env, PATH } });
  return true;
}
