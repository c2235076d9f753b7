// A fresh site per test, made through the dashboard API as the demo user, with the fixture server's origin allowed;
// and the answer and visit counts the worker stored for it (read back from the API's overview).
import type { Channel, PromptInput, SiteSettings } from '@throughline/schema';
import { apiClient, must } from '../../../scripts/lib/api-client.mjs';
import { inject } from 'vitest';

export interface TestTouchpoint {
  key: string;
  channel?: Channel;
  match?: string[];
  prompt?: PromptInput | null;
}

export interface TestSite {
  id: string;
  key: string;
  /** Answers and visits stored for a touchpoint (through the rollups, so each event counts once). */
  counts(touchpoint: string): Promise<{ n: number; visits: number }>;
  /** Prompts shown, dismissed and answered at a touchpoint, as the overview counts them. */
  prompts(touchpoint: string): Promise<{ shown: number; dismissed: number; answered: number }>;
  /** The short code of a touchpoint's hosted page (/t/{code}). */
  code(touchpoint: string): Promise<string>;
}

let api: ReturnType<typeof apiClient>['api'] | undefined;
let made = 0;

async function client(baseURL: string) {
  if (!api) {
    // the demo user's session that global-setup.ts opened (a login per suite would reach the login throttle)
    api = apiClient(baseURL, { cookie: inject('demoCookie') }).api;
  }
  return api;
}

/** Every fixture page asks at once, once per touchpoint, with a budget that never stops it unless a test says so. */
export const ASK_NOW: PromptInput = {
  dimensions: ['sensorial', 'cognitive'],
  trigger: { type: 'immediate' },
  sampling: 1,
  recontactDays: 30,
  comment: true,
};

export async function createTestSite(
  baseURL: string,
  origin: string,
  touchpoints: TestTouchpoint[] = [{ key: 'page', match: ['/*'], prompt: ASK_NOW }],
  settings: Partial<SiteSettings> = {},
): Promise<TestSite> {
  const c = await client(baseURL);
  const site = await must(
    c.sites.$post({
      json: {
        name: `widget test ${Date.now()}-${++made}`,
        origins: [origin],
        settings: {
          budget: { prompts: 100, periodDays: 1 },
          theme: { color: '#1d4ed8', font: 'system-ui, sans-serif', radius: 12 },
          partners: [],
          ...settings,
        },
      },
    }),
  );
  const param = { id: site.id };
  await must(c.sites[':id'].stages.$put({ param, json: { stages: ['Test'] } }));
  for (const tp of touchpoints) {
    const prompt = tp.prompt ?? undefined;
    const json = {
      key: tp.key,
      name: `Touchpoint ${tp.key}`,
      stage: 'Test',
      channel: tp.channel,
      match: tp.match ?? [],
      prompt,
    };
    await must(c.sites[':id'].touchpoints.$post({ param, json }));
  }
  return {
    id: site.id,
    key: site.key,
    async counts(touchpoint) {
      const o = await must(c.sites[':id'].analytics.overview.$get({ param, query: {} }));
      const t = o.touchpoints.find((x) => x.key === touchpoint);
      return { n: t?.n ?? 0, visits: t?.visits ?? 0 };
    },
    async prompts(touchpoint) {
      const o = await must(c.sites[':id'].analytics.overview.$get({ param, query: {} }));
      const { shown = 0, dismissed = 0, answered = 0 } = o.touchpoints.find((x) => x.key === touchpoint)?.prompts ?? {};
      return { shown, dismissed, answered };
    },
    async code(touchpoint) {
      const { touchpoints } = await must(c.sites[':id'].touchpoints.$get({ param }));
      const code = touchpoints.find((x) => x.key === touchpoint)?.code;
      if (!code) throw new Error(`no touchpoint ${touchpoint} with a code`);
      return code;
    },
  };
}
