// Alerts that reach people, end to end in workerd: answers imported with a known step change, the scheduled
// handler run as the cron triggers run it, deliveries received by a local HTTP receiver (test/support/receiver.ts).
import { env } from 'cloudflare:workers';
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, inject, it } from 'vitest';
import { CRONS } from '../src/alerts/crons';
import handler from '../src/index';
import { createSiteWithTouchpoints, signup, visitor, type Session } from './helpers';

const receiver = inject('receiverUrl');
const DAY = 86_400_000;
const dayAgo = (days: number, hour = 10) =>
  new Date(Math.floor(Date.now() / DAY) * DAY - days * DAY + hour * 3_600_000).toISOString();
interface Got {
  headers: Record<string, string>;
  body: string;
}
const got = async (box: string) => (await fetch(`${receiver}/got/${box}`)).json<Got[]>();
const box = () => crypto.randomUUID().slice(0, 8);

async function runCron(cron: string, at = Date.now()) {
  const ctx = createExecutionContext();
  await handler.scheduled(createScheduledController({ cron, scheduledTime: at }), env, ctx);
  await waitOnExecutionContext(ctx);
}

/** `perDay` answers a day on each of `days` (days ago), all with the same 1–5 score. */
const answers = (touchpoint: string, days: number[], perDay: number, score: number) =>
  days.flatMap((d) =>
    Array.from({ length: perDay }, (_, i) => ({
      type: 'answer',
      id: crypto.randomUUID(),
      visitor: visitor(),
      touchpoint,
      at: dayAgo(d, 8 + (i % 8)),
      answers: { sensorial: score, affective: score, cognitive: score },
    })),
  );
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

async function addDestination(s: Session, siteId: string, body: Record<string, unknown>) {
  const res = await s.send('POST', `/api/v1/sites/${siteId}/alerts/destinations`, body);
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json<{ id: string; secret: string | null }>();
}

/** HMAC-SHA256 hex, written out here apart from the worker's code, as a receiver would verify. */
async function expectedSignature(secret: string, t: string, body: string) {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${t}.${body}`));
  return Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('alerts', () => {
  it('delivers a falling quality once, signed to a webhook and to the team’s Slack, not to another team', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    expect((await s.send('PATCH', `/api/v1/sites/${site.id}/touchpoints/cart`, { team: 'Logistics' })).status).toBe(
      200,
    );
    // cart: quality 100 (all 5s) for 28 days, then 25 (all 2s) for the last 7; checkout steady at 75
    const events = [
      ...answers('cart', range(7, 34), 2, 5),
      ...answers('cart', range(0, 6), 2, 2),
      ...answers('checkout', range(0, 34), 2, 4),
    ];
    expect((await s.send('POST', `/api/v1/sites/${site.id}/import`, { events })).status).toBe(200);
    const [all, logistics, sales] = [box(), box(), box()];
    const hook = await addDestination(s, site.id, { kind: 'webhook', url: `${receiver}/in/${all}` });
    await addDestination(s, site.id, { kind: 'slack', url: `${receiver}/in/${logistics}`, team: 'logistics' });
    await addDestination(s, site.id, { kind: 'webhook', url: `${receiver}/in/${sales}`, team: 'Sales' });

    await runCron(CRONS.alerts);
    const [delivered] = await got(all);
    expect(delivered).toBeDefined();
    const message = JSON.parse(delivered!.body);
    expect(message).toMatchObject({
      event: 'alert.opened',
      site: { id: site.id },
      alert: { kind: 'quality_falling', touchpoint: 'cart', team: 'Logistics' },
    });
    expect(message.alert.detail).toMatchObject({ recent: 25, baseline: 100, recentN: 14, baselineN: 56 });
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(delivered!.headers['x-throughline-signature']!)!;
    expect(v1).toBe(await expectedSignature(hook.secret!, t!, delivered!.body));
    expect(delivered!.headers['x-throughline-event']).toBe('alert.opened');
    const slack = await got(logistics);
    expect(slack).toHaveLength(1);
    expect(JSON.parse(slack[0]!.body).text).toMatch(/^cart: quality is falling \(100 → 25, p < 0\.001\)/);
    expect(await got(sales)).toEqual([]);

    // the next run finds the same alert open: nothing is sent again
    await runCron(CRONS.alerts);
    expect(await got(all)).toHaveLength(1);
    const state = await (await s.get(`/api/v1/sites/${site.id}/alerts`)).json<{
      open: { key: string }[];
      deliveries: { status: string }[];
    }>();
    expect(state.open.map((a) => a.key)).toEqual(['quality_falling:cart']);
    expect(state.deliveries.map((d) => d.status)).toEqual(['sent', 'sent']);
  });

  it('retries a failing destination with backoff and shows it failed after the last attempt', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    const down = box();
    const dest = await addDestination(s, site.id, { kind: 'webhook', url: `${receiver}/in/${down}?status=500` });
    const test = await s.send('POST', `/api/v1/sites/${site.id}/alerts/destinations/${dest.id}/test`);
    expect(await test.json()).toEqual({ ok: false, status: 500, error: 'HTTP 500' });
    const deliveries = async () =>
      (
        await (
          await s.get(`/api/v1/sites/${site.id}/alerts`)
        ).json<{ deliveries: { status: string; attempts: number; error: string | null }[] }>()
      ).deliveries;
    expect(await deliveries()).toMatchObject([{ status: 'pending', attempts: 1, error: 'HTTP 500' }]);
    // not due yet half a minute later; then due after 1, 5, 30, 120, 720 minutes
    const start = Date.now();
    await runCron(CRONS.outbox, start + 30_000);
    expect(await got(down)).toHaveLength(1);
    let at = start;
    for (const wait of [1, 5, 30, 120, 720]) {
      at += wait * 60_000 + 1_000;
      await runCron(CRONS.outbox, at);
    }
    expect(await got(down)).toHaveLength(6);
    expect(await deliveries()).toMatchObject([{ status: 'failed', attempts: 6, error: 'HTTP 500' }]);
    await runCron(CRONS.outbox, at + 10 * 24 * 3_600_000);
    expect(await got(down)).toHaveLength(6);
  });

  it('raises a sudden drop in answers and sends the weekly digest with the week’s numbers', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    // 10 answers a day 2–15 days ago, none yesterday or today
    expect(
      (await s.send('POST', `/api/v1/sites/${site.id}/import`, { events: answers('home', range(2, 15), 10, 4) }))
        .status,
    ).toBe(200);
    const inbox = box();
    await addDestination(s, site.id, { kind: 'webhook', url: `${receiver}/in/${inbox}` });
    await runCron(CRONS.digest);
    const messages = (await got(inbox)).map((g) => JSON.parse(g.body));
    expect(messages.find((m) => m.event === 'alert.opened')).toMatchObject({
      alert: { kind: 'answers_dropped', detail: { yesterday: 0, dailyMean: 10 } },
    });
    // the last 7 days are today and the 6 days before: answers on 2–6 days ago, 5 days × 10
    const digest = messages.find((m) => m.event === 'digest');
    expect(digest.digest).toMatchObject({ answers: 50 });
    expect(digest.digest.openAlerts).toHaveLength(1);
    expect(digest.text).toMatch(/50 answers/);
  });

  it('refuses a plain-http destination that is not this machine, and an unknown one', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    const res = await s.send('POST', `/api/v1/sites/${site.id}/alerts/destinations`, {
      kind: 'webhook',
      url: 'http://hooks.example.com/x',
    });
    expect(res.status).toBe(400);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe('invalid_destination');
    expect((await s.send('POST', `/api/v1/sites/${site.id}/alerts/destinations/nope/test`)).status).toBe(404);
    expect((await s.send('DELETE', `/api/v1/sites/${site.id}/alerts/destinations/nope`)).status).toBe(404);
  });
});
