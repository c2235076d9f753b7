// `pnpm dev`: builds, starts the Worker on http://localhost:8787 with a local D1 (migrations applied),
// seeds the demo organization once, and prints where everything is.
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from './build.mjs';
import { writeDemoPages } from './lib/demo-pages.mjs';
import { DEMO_LOGIN } from './lib/demo-journey.mjs';
import { startLocalWorker } from './lib/local-worker.mjs';
import { WORKER } from './lib/paths.mjs';
import { seedDemo } from './seed.mjs';

const PORT = Number(process.env.PORT ?? 8787);

// A stable local pepper (production sets its own secret): kept in worker/.dev.vars, which git ignores.
const devVars = path.join(WORKER, '.dev.vars');
if (!existsSync(devVars))
  writeFileSync(devVars, `PEPPER=${randomBytes(24).toString('base64url')}\nENVIRONMENT=development\n`);

build();
// ALLOW_HEADLESS=true lets an automated browser's visits through the bot filter, for trying the widget with one.
const allowHeadless = process.env.ALLOW_HEADLESS === 'true';
const worker = await startLocalWorker({ port: PORT, vars: allowHeadless ? { ALLOW_HEADLESS: 'true' } : {} });
const seed = await seedDemo(worker.url);
writeDemoPages(seed.siteKey);

console.log(`
  Throughline is running (local D1 in worker/.wrangler/state)
  ${seed.created ? `seeded the demo: ${seed.imported} visits and answers` : 'demo data already seeded: kept as it is'}

  Dashboard   ${worker.url}/            log in as ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}
  Demo site   ${worker.url}/demo/       every page embeds the script tag (site key ${seed.siteKey})
  Widget      ${worker.url}/w.js
  API         ${worker.url}/api/v1      OpenAPI: ${worker.url}/api/v1/openapi.json

${allowHeadless ? '  Bot filter  headless browsers let through (ALLOW_HEADLESS=true)\n\n' : ''}  Ctrl-C stops it.
`);

const stop = async () => {
  await worker.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
