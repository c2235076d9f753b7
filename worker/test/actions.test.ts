// Actions through the API: an editor logs a fix on a touchpoint whose answers step up from its day on; the API
// answers the action with its effect (roles and tenants: the route matrices of session-csrf-roles and tenant-isolation).
import { describe, expect, it } from 'vitest';
import { createSiteWithTouchpoints, signup, visitor } from './helpers';

const DAY = 86_400_000;
const today = Math.floor(Date.now() / DAY) * DAY;
const iso = (daysAgo: number) => new Date(today - daysAgo * DAY).toISOString().slice(0, 10);
const answer = (daysAgo: number, score: number) => ({
  type: 'answer',
  id: crypto.randomUUID(),
  visitor: visitor(),
  touchpoint: 'checkout',
  at: new Date(today - daysAgo * DAY + 12 * 3_600_000).toISOString(),
  answers: { sensorial: score, affective: score, cognitive: score },
});

describe('actions', () => {
  it('answers a logged action with quality before and after it, the change and the verdict', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    // 20 days ago the fix went out: before it 3 and 4 (quality 62.5), from it on 4 and 5 (87.5), two answers a day
    const events = [];
    for (let d = 34; d >= 21; d--) events.push(answer(d, 3), answer(d, 4));
    for (let d = 20; d >= 7; d--) events.push(answer(d, 4), answer(d, 5));
    expect((await s.send('POST', `/api/v1/sites/${site.id}/import`, { events })).status).toBe(200);
    const made = await s.send('POST', `/api/v1/sites/${site.id}/touchpoints/checkout/actions`, {
      day: iso(20),
      title: 'Voucher field moved up',
      note: 'Ticket 42',
    });
    expect(made.status).toBe(201);
    const action = await made.json<{ id: string; createdBy: string; effect: Record<string, unknown> }>();
    expect(action.createdBy).toMatch(/@example\.com$/);
    expect(action.effect).toMatchObject({
      days: 14,
      before: { n: 28, value: 62.5 },
      after: { n: 28, value: 87.5 },
      verdict: 'improved',
    });
    const list = await (await s.get(`/api/v1/sites/${site.id}/actions`)).json<{
      actions: { id: string; touchpoint: string }[];
    }>();
    expect(list.actions).toMatchObject([{ id: action.id, touchpoint: 'checkout' }]);
    expect(
      (await (await s.get(`/api/v1/sites/${site.id}/touchpoints/cart/actions`)).json<{ actions: unknown[] }>()).actions,
    ).toEqual([]);

    expect(
      (await s.send('POST', `/api/v1/sites/${site.id}/touchpoints/nope/actions`, { day: iso(1), title: 'x' })).status,
    ).toBe(404);
    expect((await s.send('DELETE', `/api/v1/sites/${site.id}/touchpoints/checkout/actions/${action.id}`)).status).toBe(
      204,
    );
    expect((await (await s.get(`/api/v1/sites/${site.id}/actions`)).json<{ actions: unknown[] }>()).actions).toEqual(
      [],
    );
  });
});
