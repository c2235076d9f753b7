// Where things are in the repo, for the scripts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WORKER = path.join(ROOT, 'worker');
export const PUBLIC = path.join(WORKER, 'public');
export const BIN = path.join(ROOT, 'node_modules/.bin');
export const WRANGLER = path.join(WORKER, 'node_modules/.bin/wrangler');
