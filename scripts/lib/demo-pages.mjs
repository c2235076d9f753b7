// Copies the demo client site into the worker's assets at /demo/, with the demo site's real key in its script tags.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PUBLIC, ROOT } from './paths.mjs';

const SOURCE = path.join(ROOT, 'apps/demo');
export const KEY_PLACEHOLDER = '__THROUGHLINE_SITE_KEY__';

/** @param {string} [siteKey] the demo site's key; the placeholder until the demo is seeded */
export function writeDemoPages(siteKey = KEY_PLACEHOLDER) {
  const out = path.join(PUBLIC, 'demo');
  mkdirSync(out, { recursive: true });
  for (const file of readdirSync(SOURCE)) {
    if (file.endsWith('.html')) {
      writeFileSync(
        path.join(out, file),
        readFileSync(path.join(SOURCE, file), 'utf8').replaceAll(KEY_PLACEHOLDER, siteKey),
      );
    } else if (file.endsWith('.css')) {
      cpSync(path.join(SOURCE, file), path.join(out, file));
    }
  }
}
