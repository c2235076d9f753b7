// Employee pulse through the real Worker: the staff page /e/{code} (its own code, no cookie), responses kept as daily
// sums, scores only from five responses, and the pulse beside customer quality with their correlation across
// touchpoints worked out by hand (docs/metrics.md › Employee pulse, Service-profit chain).
import { PulseViewSchema, type ImportEvent, type PulseView } from '@throughline/schema';
import { describe, expect, it } from 'vitest';
import { BASE, createSiteWithTouchpoints, db, signup, worker, type Session } from './helpers';
import { PULSE_PER_ADDRESS_PER_DAY } from '../src/routes/staff-page';

const staffPage = (code: string) => worker.fetch(`${BASE}/e/${code}`);
const respond = (code: string, tools: number | string, support: number | string, pride: number | string) =>
  worker.fetch(`${BASE}/e/${code}`, {
    method: 'POST',
    body: new URLSearchParams({ tools: String(tools), support: String(support), pride: String(pride) }),
  });

async function pulseView(s: Session, siteId: string): Promise<PulseView> {
  const res = await s.get(`/api/v1/sites/${siteId}/analytics/pulse`);
  expect(res.status, await res.clone().text()).toBe(200);
  return PulseViewSchema.parse(await res.json());
}

describe('employee pulse', () => {
  it('serves a staff page of its own code, without cookies, and not the customer code', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    const view = await pulseView(s, site.id);
    const cart = view.touchpoints.find((t) => t.key === 'cart')!;
    const res = await staffPage(cart.staffCode);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    const page = await res.text();
    expect(page).toContain('I have the tools and information I need to serve customers well here.');
    expect(page).toContain('I get the support I need from my team.');
    expect(page).toContain('I am proud of the service we give here.');
    const touchpoints = await (await s.get(`/api/v1/sites/${site.id}/touchpoints`)).json<{
      touchpoints: { key: string; code: string }[];
    }>();
    const customerCode = touchpoints.touchpoints.find((t) => t.key === 'cart')!.code;
    expect(customerCode).not.toBe(cart.staffCode);
    expect((await staffPage(customerCode)).status).toBe(404);
    expect((await staffPage('zzzzzzzz')).status).toBe(404);
  });

  it('shows no score below five responses, and stores no row per response', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    const code = (await pulseView(s, site.id)).touchpoints.find((t) => t.key === 'home')!.staffCode;
    // tools 5 4 4 3 4, support 3 3 4 2 3, pride 5 5 4 4 5
    const answers = [
      [5, 3, 5],
      [4, 3, 5],
      [4, 4, 4],
      [3, 2, 4],
    ] as const;
    for (const [a, b, c] of answers) expect((await respond(code, a, b, c)).status).toBe(200);
    let home = (await pulseView(s, site.id)).touchpoints.find((t) => t.key === 'home')!;
    expect(home).toMatchObject({ responses: 4, pulse: null });
    expect(home.questions.tools).toMatchObject({ value: null, n: 4 });
    expect((await respond(code, 4, 3, 5)).status).toBe(200);
    home = (await pulseView(s, site.id)).touchpoints.find((t) => t.key === 'home')!;
    // all 15 answers: 20 + 15 + 23 = 58; mean 58 / 15 = 3.8667 → (3.8667 − 1) / 4 × 100 = 71.667
    // tools 20 / 5 = 4 → 75; support 15 / 5 = 3 → 50; pride 23 / 5 = 4.6 → 90
    expect(home.responses).toBe(5);
    expect(home.pulse).toBeCloseTo(71.6667, 3);
    expect(home.questions.tools.value).toBeCloseTo(75, 10);
    expect(home.questions.support.value).toBeCloseTo(50, 10);
    expect(home.questions.pride.value).toBeCloseTo(90, 10);
    const rows = await db
      .prepare('SELECT count(*) AS n FROM pulse_rollups WHERE site_id = ?')
      .bind(site.id)
      .first<{ n: number }>();
    expect(rows!.n).toBe(1); // one day's sums, not five responses
  });

  it('refuses an incomplete answer with a reason, and too many answers from one address', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    const code = (await pulseView(s, site.id)).touchpoints.find((t) => t.key === 'checkout')!.staffCode;
    const bad = await respond(code, 4, 6, '');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Please answer all three questions, 1 to 5.');
    expect((await pulseView(s, site.id)).touchpoints.find((t) => t.key === 'checkout')!.responses).toBe(0);
    for (let i = 1; i < PULSE_PER_ADDRESS_PER_DAY; i++) await respond(code, 3, 3, 3);
    expect((await pulseView(s, site.id)).touchpoints.find((t) => t.key === 'checkout')!.responses).toBe(
      PULSE_PER_ADDRESS_PER_DAY - 1,
    );
    expect((await respond(code, 3, 3, 3)).status).toBe(429);
    expect((await pulseView(s, site.id)).touchpoints.find((t) => t.key === 'checkout')!.responses).toBe(
      PULSE_PER_ADDRESS_PER_DAY - 1,
    );
  });

  it('puts pulse beside customer quality, with their correlation across touchpoints and the ones where both are low', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    // customer quality: home sensorial 2 → 25, cart 3 → 50, checkout 5 → 100 (five answers each)
    const events = [
      ['home', 2],
      ['cart', 3],
      ['checkout', 5],
    ].flatMap(([tp, v]) =>
      Array.from(
        { length: 5 },
        (_, i): ImportEvent =>
          ({
            id: crypto.randomUUID(),
            type: 'answer',
            visitor: `pulse-visitor-${tp}-${i}`,
            touchpoint: tp as string,
            at: yesterday,
            answers: { sensorial: v as number },
          }) as ImportEvent,
      ),
    );
    expect((await s.send('POST', `/api/v1/sites/${site.id}/import`, { events })).status).toBe(200);
    // pulse: home all 2 → 25; cart all 4 → 75; checkout all 5 → 100 (five responses each)
    const codes = new Map((await pulseView(s, site.id)).touchpoints.map((t) => [t.key, t.staffCode]));
    for (const [tp, v] of [
      ['home', 2],
      ['cart', 4],
      ['checkout', 5],
    ] as const) {
      for (let i = 0; i < 5; i++) expect((await respond(codes.get(tp)!, v, v, v)).status).toBe(200);
    }
    const view = await pulseView(s, site.id);
    expect(view.touchpoints.map((t) => [t.key, t.pulse, t.quality])).toEqual([
      ['home', 25, 25],
      ['cart', 75, 50],
      ['checkout', 100, 100],
    ]);
    // pairs (25, 25), (75, 50), (100, 100): means 66.667 and 58.333; deviations x −41.667, 8.333, 33.333 and
    // y −33.333, −8.333, 41.667; Σdxdy = 1388.89 − 69.44 + 1388.89 = 2708.33; Σdx² = Σdy² = 2916.67; r = 13/14 = 0.928571
    expect(view.chain.n).toBe(3);
    expect(view.chain.r).toBeCloseTo(13 / 14, 10);
    expect(view.touchpoints.filter((t) => t.bothLow).map((t) => t.key)).toEqual(['home']);
  });

  it('gives the staff page as a QR code', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    const res = await s.get(`/api/v1/sites/${site.id}/touchpoints/cart/staff-qr.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
    expect((await s.get(`/api/v1/sites/${site.id}/touchpoints/nowhere/staff-qr.svg`)).status).toBe(404);
  });
});
