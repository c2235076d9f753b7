// Seeds the demo organization through the real API (signup, site, journey, prompts, import).
// Idempotent: when the demo site exists it is left as it is, except that events a local install kept in D1 from
// before the site objects are moved into them (the same step as `pnpm move-events`; nothing to do otherwise).
import { apiClient, must } from './lib/api-client.mjs';
import { simulateDemoEvents } from './lib/demo-data.mjs';
import {
  DEMO_BRAND_PROMISE,
  DEMO_JOURNEY_TYPES,
  DEMO_LOGIN,
  DEMO_PULSE,
  DEMO_RETURN_PATHS,
  DEMO_RETURN_TOUCHPOINTS,
  DEMO_SITE_NAME,
  DEMO_TOUCHPOINTS,
} from './lib/demo-journey.mjs';

/**
 * @param {string} baseURL
 * @param {{ journeys?: number }} [opts]
 * @returns {Promise<{ siteId: string, siteKey: string, created: boolean, imported: number }>}
 */
export async function seedDemo(baseURL, { journeys } = {}) {
  const { api } = apiClient(baseURL);
  const login = await api.auth.login.$post({ json: { email: DEMO_LOGIN.email, password: DEMO_LOGIN.password } });
  // A wrong password is thrown in the worker (a 401 its error handler answers), so the route's types list no 401.
  if (/** @type {number} */ (login.status) === 401) await must(api.auth.signup.$post({ json: DEMO_LOGIN }));
  else if (login.status !== 200) throw new Error(`demo login failed: ${login.status} ${await login.text()}`);

  const { sites } = await must(api.sites.$get());
  const existing = sites.find((s) => s.name === DEMO_SITE_NAME);
  if (existing) {
    let progress;
    do progress = await must(api.sites[':id'].storage['move-legacy'].$post({ param: { id: existing.id } }));
    while (!progress.done);
    return { siteId: existing.id, siteKey: existing.key, created: false, imported: 0 };
  }

  const origin = new URL(baseURL).origin;
  const site = await must(
    api.sites.$post({
      json: {
        name: DEMO_SITE_NAME,
        origins: [origin, 'http://localhost:8787', 'http://127.0.0.1:8787'],
        // The demo always asks on a touchpoint's first view: a generous ask budget.
        settings: {
          budget: { prompts: 100, periodDays: 1 },
          theme: { color: '#0f766e', font: 'system-ui, sans-serif', radius: 14 },
          partners: [],
          brandName: 'Demo Outdoor Co.',
          brandPromise: DEMO_BRAND_PROMISE,
        },
      },
    }),
  );
  for (const tp of [...DEMO_TOUCHPOINTS, ...DEMO_RETURN_TOUCHPOINTS]) {
    await must(
      api.sites[':id'].touchpoints.$post({
        param: { id: site.id },
        json: {
          key: tp.key,
          name: tp.name,
          stage: tp.stage,
          channel: tp.channel,
          owner: tp.owner,
          team: tp.team,
          match: tp.match,
          prompt: { dimensions: tp.dims, trigger: { type: 'immediate' }, sampling: 1, recontactDays: 30 },
        },
      }),
    );
  }
  // Journey types: the returns touchpoints leave the default (buying) journey and serve Returns
  const main = DEMO_TOUCHPOINTS.map((tp) => ({ key: tp.key, stage: tp.stage }));
  const types = api.sites[':id']['journey-types'];
  await must(
    types[':typeId'].$patch({ param: { id: site.id, typeId: 'main' }, json: { name: 'Buying', touchpoints: main } }),
  );
  for (const type of DEMO_JOURNEY_TYPES) await must(types.$post({ param: { id: site.id }, json: type }));
  const events = [
    ...simulateDemoEvents({ journeys }),
    ...simulateDemoEvents({ journeys: Math.round((journeys ?? 1100) / 4), seed: 20261130, paths: DEMO_RETURN_PATHS }),
  ].sort((a, b) => a.at.localeCompare(b.at));
  let imported = 0;
  for (let i = 0; i < events.length; i += 2000) {
    const r = await must(
      api.sites[':id'].import.$post({ param: { id: site.id }, json: { events: events.slice(i, i + 2000) } }),
    );
    imported += r.accepted;
  }
  // staff answers through the staff pages themselves, as staff give them
  const { touchpoints } = await must(api.sites[':id'].analytics.pulse.$get({ param: { id: site.id }, query: {} }));
  for (const [key, responses] of Object.entries(DEMO_PULSE)) {
    const code = touchpoints.find((t) => t.key === key)?.staffCode;
    if (!code) throw new Error(`no staff page for ${key}`);
    // the staff page is a plain HTML form outside the dashboard API: posted as a browser would
    for (const [tools, support, pride] of responses) {
      const res = await fetch(`${origin}/e/${code}`, {
        method: 'POST',
        body: new URLSearchParams({ tools: String(tools), support: String(support), pride: String(pride) }),
      });
      if (!res.ok) throw new Error(`staff answer at ${key}: ${res.status}`);
    }
  }
  return { siteId: site.id, siteKey: site.key, created: true, imported };
}
