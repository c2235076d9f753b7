// A fresh site per test, made through the dashboard API as the demo user, with the fixture server's origin allowed;
// and the answer and visit counts the worker stored for it (read back from the API's overview).
import { apiClient } from '../../../scripts/lib/api-client.mjs';
import { DEMO_LOGIN } from '../../../scripts/lib/demo-journey.mjs';

/** The API's prompt body (packages/schema PromptInputSchema; the worker validates it). */
type PromptInput = { dimensions: string[]; trigger: { type: string; seconds?: number }; sampling: number; recontactDays: number; comment?: boolean };
/** Site settings overridden by a test (packages/schema SiteSettingsSchema). */
type SiteSettings = { budget: { prompts: number; periodDays: number }; theme: { color: string; font: string; radius: number }; partners: string[] };

export interface TestTouchpoint {
  key: string;
  channel?: string;
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

let api: ReturnType<typeof apiClient> | undefined;
let made = 0;

async function client(baseURL: string) {
  if (!api) {
    api = apiClient(baseURL);
    await api.must('POST', '/api/v1/auth/login', { email: DEMO_LOGIN.email, password: DEMO_LOGIN.password });
  }
  return api;
}

/** Every fixture page asks at once, once per touchpoint, with a budget that never stops it unless a test says so. */
export const ASK_NOW: PromptInput = { dimensions: ['sensorial', 'cognitive'], trigger: { type: 'immediate' }, sampling: 1, recontactDays: 30, comment: true };

export async function createTestSite(
  baseURL: string,
  origin: string,
  touchpoints: TestTouchpoint[] = [{ key: 'page', match: ['/*'], prompt: ASK_NOW }],
  settings: Partial<SiteSettings> = {},
): Promise<TestSite> {
  const c = await client(baseURL);
  const site = await c.must('POST', '/api/v1/sites', {
    name: `widget test ${Date.now()}-${++made}`,
    origins: [origin],
    settings: { budget: { prompts: 100, periodDays: 1 }, theme: { color: '#1d4ed8', font: 'system-ui, sans-serif', radius: 12 }, partners: [], ...settings },
  });
  await c.must('PUT', `/api/v1/sites/${site.id}/stages`, { stages: ['Test'] });
  for (const tp of touchpoints) {
    const prompt = tp.prompt ?? undefined;
    await c.must('POST', `/api/v1/sites/${site.id}/touchpoints`, { key: tp.key, name: `Touchpoint ${tp.key}`, stage: 'Test', channel: tp.channel, match: tp.match ?? [], prompt });
  }
  return {
    id: site.id,
    key: site.key,
    async counts(touchpoint) {
      const o = await c.must('GET', `/api/v1/sites/${site.id}/analytics/overview`, undefined);
      const t = o.touchpoints.find((x: { key: string }) => x.key === touchpoint);
      return { n: t?.n ?? 0, visits: t?.visits ?? 0 };
    },
    async prompts(touchpoint) {
      const o = await c.must('GET', `/api/v1/sites/${site.id}/analytics/overview`, undefined);
      const { shown = 0, dismissed = 0, answered = 0 } = o.touchpoints.find((x: { key: string }) => x.key === touchpoint)?.prompts ?? {};
      return { shown, dismissed, answered };
    },
    async code(touchpoint) {
      const { touchpoints } = await c.must('GET', `/api/v1/sites/${site.id}/touchpoints`, undefined);
      return touchpoints.find((x: { key: string }) => x.key === touchpoint).code;
    },
  };
}
