// Seeds the demo organization through the real API (signup, site, journey, prompts, import).
// Idempotent: when the demo site exists it is left as it is, except that events a local install kept in D1 from
// before the site objects are moved into them (the same step as `pnpm move-events`; nothing to do otherwise).
import { apiClient } from './lib/api-client.mjs';
import { simulateDemoEvents } from './lib/demo-data.mjs';
import { DEMO_JOURNEY_TYPES, DEMO_LOGIN, DEMO_RETURN_PATHS, DEMO_RETURN_TOUCHPOINTS, DEMO_SITE_NAME, DEMO_TOUCHPOINTS } from './lib/demo-journey.mjs';

/** @returns {Promise<{ siteId: string, siteKey: string, created: boolean, imported: number }>} */
export async function seedDemo(baseURL, { journeys } = {}) {
  const api = apiClient(baseURL);
  const login = await api.call('POST', '/api/v1/auth/login', { email: DEMO_LOGIN.email, password: DEMO_LOGIN.password });
  if (login.status === 401) await api.must('POST', '/api/v1/auth/signup', DEMO_LOGIN);
  else if (login.status !== 200) throw new Error(`demo login failed: ${login.status} ${JSON.stringify(login.data)}`);

  const { sites } = await api.must('GET', '/api/v1/sites');
  const existing = sites.find((s) => s.name === DEMO_SITE_NAME);
  if (existing) {
    let progress;
    do progress = await api.must('POST', `/api/v1/sites/${existing.id}/storage/move-legacy`);
    while (!progress.done);
    return { siteId: existing.id, siteKey: existing.key, created: false, imported: 0 };
  }

  const origin = new URL(baseURL).origin;
  const site = await api.must('POST', '/api/v1/sites', {
    name: DEMO_SITE_NAME,
    origins: [origin, 'http://localhost:8787', 'http://127.0.0.1:8787'],
    // The demo always asks on a touchpoint's first view: a generous ask budget.
    settings: { budget: { prompts: 100, periodDays: 1 }, theme: { color: '#0f766e', font: 'system-ui, sans-serif', radius: 14 }, partners: [] },
  });
  for (const tp of [...DEMO_TOUCHPOINTS, ...DEMO_RETURN_TOUCHPOINTS]) {
    await api.must('POST', `/api/v1/sites/${site.id}/touchpoints`, {
      key: tp.key, name: tp.name, stage: tp.stage, channel: tp.channel, owner: tp.owner, team: tp.team, match: tp.match,
      prompt: { dimensions: tp.dims, trigger: { type: 'immediate' }, sampling: 1, recontactDays: 30 },
    });
  }
  // Journey types: the returns touchpoints leave the default (buying) journey and serve Returns
  const main = DEMO_TOUCHPOINTS.map((tp) => ({ key: tp.key, stage: tp.stage }));
  await api.must('PATCH', `/api/v1/sites/${site.id}/journey-types/main`, { name: 'Buying', touchpoints: main });
  for (const type of DEMO_JOURNEY_TYPES) await api.must('POST', `/api/v1/sites/${site.id}/journey-types`, type);
  const events = [
    ...simulateDemoEvents({ journeys }),
    ...simulateDemoEvents({ journeys: Math.round((journeys ?? 1100) / 4), seed: 20261130, paths: DEMO_RETURN_PATHS }),
  ].sort((a, b) => a.at.localeCompare(b.at));
  let imported = 0;
  for (let i = 0; i < events.length; i += 2000) {
    const r = await api.must('POST', `/api/v1/sites/${site.id}/import`, { events: events.slice(i, i + 2000) });
    imported += r.accepted;
  }
  return { siteId: site.id, siteKey: site.key, created: true, imported };
}
