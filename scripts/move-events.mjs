// Moves every site's events from D1's old event tables (installs from before the site objects) into the site
// objects: `THROUGHLINE_URL=https://… THROUGHLINE_TOKEN=<owner API token> pnpm move-events`. Idempotent and
// resumable: each site's progress is kept in D1 (legacy_moves); run it again after an interruption.
import { apiClient, must } from './lib/api-client.mjs';

const base = process.env.THROUGHLINE_URL ?? 'http://localhost:8787';
const token = process.env.THROUGHLINE_TOKEN;
if (!token) {
  console.error('set THROUGHLINE_TOKEN to an owner API token of the organization (Team screen), and THROUGHLINE_URL');
  process.exit(2);
}
const { api } = apiClient(base, { authorization: `Bearer ${token}` });

const { sites } = await must(api.sites.$get());
for (const site of sites) {
  let progress;
  do progress = await must(api.sites[':id'].storage['move-legacy'].$post({ param: { id: site.id } }));
  while (!progress.done);
  console.log(`${site.name} (${site.id}): ${progress.moved} events in its site objects`);
}
