// Moves every site's events from D1's old event tables (installs from before the site objects) into the site
// objects: `THROUGHLINE_URL=https://… THROUGHLINE_TOKEN=<owner API token> pnpm move-events`. Idempotent and
// resumable: each site's progress is kept in D1 (legacy_moves); run it again after an interruption.
const base = process.env.THROUGHLINE_URL ?? 'http://localhost:8787';
const token = process.env.THROUGHLINE_TOKEN;
if (!token) {
  console.error('set THROUGHLINE_TOKEN to an owner API token of the organization (Team screen), and THROUGHLINE_URL');
  process.exit(2);
}
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

async function call(method, path) {
  const res = await fetch(new URL(`/api/v1${path}`, base), { method, headers });
  const body = await res.json();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

const { sites } = await call('GET', '/sites');
for (const site of sites) {
  let progress;
  do progress = await call('POST', `/sites/${site.id}/storage/move-legacy`);
  while (!progress.done);
  console.log(`${site.name} (${site.id}): ${progress.moved} events in its site objects`);
}
