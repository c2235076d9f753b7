// Builds the widget and the dashboard, and assembles the Worker's static assets in worker/public:
// the dashboard at /, the widget at /w.js and /w/, the demo client site at /demo/.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeDemoPages } from './lib/demo-pages.mjs';
import { PUBLIC, ROOT } from './lib/paths.mjs';
import { runScript } from './lib/run-script.mjs';

const SECURITY_HEADERS = [
  "Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  'X-Content-Type-Options: nosniff',
  'Referrer-Policy: strict-origin-when-cross-origin',
  'Strict-Transport-Security: max-age=63072000; includeSubDomains',
  'X-Frame-Options: DENY',
];

// Hashed, versioned files never change: cache them for a year. Widget chunks load cross-origin.
const HEADERS = `/*
${SECURITY_HEADERS.map((h) => `  ${h}`).join('\n')}

/assets/*
  Cache-Control: public, max-age=31536000, immutable

/w/*
  Cache-Control: public, max-age=31536000, immutable
  Cross-Origin-Resource-Policy: cross-origin
  Access-Control-Allow-Origin: *
`;

/** @param {{ demoKey?: string }} [opts] `demoKey`: the demo site's key in the demo pages' script tags */
export function build({ demoKey } = {}) {
  const started = Date.now();
  runScript(path.join(ROOT, 'packages/widget'), 'build');
  runScript(path.join(ROOT, 'apps/dashboard'), 'build');

  rmSync(PUBLIC, { recursive: true, force: true });
  mkdirSync(PUBLIC, { recursive: true });
  const dashboard = path.join(ROOT, 'apps/dashboard/dist');
  if (existsSync(dashboard)) cpSync(dashboard, PUBLIC, { recursive: true });
  const widget = path.join(ROOT, 'packages/widget/dist');
  if (existsSync(widget)) {
    for (const entry of readdirSync(widget)) {
      if (entry !== 'npm') cpSync(path.join(widget, entry), path.join(PUBLIC, entry), { recursive: true });
    }
  }
  writeDemoPages(demoKey);
  writeFileSync(path.join(PUBLIC, '_headers'), HEADERS);
  console.log(`built worker/public in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) build();
