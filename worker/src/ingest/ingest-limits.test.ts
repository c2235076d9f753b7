import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import {
  answerEvent,
  createSiteWithTouchpoints,
  db,
  eventRows,
  postEvents,
  signup,
  storedEvents,
  visitor,
} from '../../test/helpers';
import { CLIENT_LIMIT, SITE_LIMIT, VISITOR_LIMIT } from './rate-limit';
import { isBot } from './bots';

const ORIGIN = 'https://shop.example';
const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

const send = (body: unknown, headers: Record<string, string>) =>
  postEvents(body, ORIGIN, { headers: { 'content-type': 'text/plain', origin: ORIGIN, ...headers } });

describe('ingest: obvious bots', () => {
  it('drops a crawler batch with a 202 that says dropped, stores nothing and counts it for the day', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    const body = { site: site.key, visitor: visitor(), events: [answerEvent(), answerEvent('cart')] };
    const res = await send(body, {
      'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ accepted: 0, dropped: 2 });
    expect(await eventRows(site.id)).toMatchObject({ answers: 0, scored: 0 });
    await send(body, {
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/156.0.0.0 Safari/537.36',
    });
    const shown = await (await s.get(`/api/v1/sites/${site.id}/traffic/dropped`)).json<{
      days: { day: string; bots: number }[];
    }>();
    expect(shown.days).toEqual([{ day: new Date().toISOString().slice(0, 10), bots: 4, rateLimited: 0 }]);
  });

  it('lets a person’s browser through', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    const res = await send({ site: site.key, visitor: visitor(), events: [answerEvent()] }, { 'user-agent': CHROME });
    expect(await res.json()).toMatchObject({ accepted: 1 });
  });

  it('tells bots from phones whose model name ends in "bot"', () => {
    for (const ua of [
      'curl/8.5.0',
      'python-requests/2.32',
      'Mozilla/5.0 (compatible; bingbot/2.0)',
      'Slackbot-LinkExpanding 1.0',
      'AhrefsBot/7.0',
      'Mozilla/5.0 (compatible; YandexSpider)',
    ]) {
      expect(isBot(ua), ua).toBe(true);
    }
    for (const ua of [
      CHROME,
      'Mozilla/5.0 (Linux; Android 9; CUBOT P30) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36',
      '',
    ]) {
      expect(isBot(ua), ua).toBe(false);
    }
  });
});

describe('ingest: rate limits', () => {
  it(`answers 429 with Retry-After once one visitor sends more than ${VISITOR_LIMIT.limit} batches a minute; others go on`, async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    // An unknown touchpoint: each allowed batch is a cheap 400, a limited one a 429.
    const body = { site: site.key, visitor: visitor(), events: [answerEvent('nowhere')] };
    const me = { 'user-agent': CHROME, 'cf-connecting-ip': '203.0.113.7' };
    let limited: Response | undefined;
    for (let i = 0; i < VISITOR_LIMIT.limit * 2 && !limited; i++) {
      const res = await send(body, me);
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(400);
    }
    expect(limited?.headers.get('retry-after')).toBe(String(VISITOR_LIMIT.periodSeconds));
    expect(limited?.headers.get('access-control-expose-headers')).toContain('retry-after');
    expect(await limited!.json()).toMatchObject({ error: { code: 'rate_limited' } });
    // Another visitor (address) of the same site is not held back, and real answers still land.
    const other = await send(
      { site: site.key, visitor: visitor(), events: [answerEvent()] },
      { ...me, 'cf-connecting-ip': '203.0.113.8' },
    );
    expect(await other.json()).toMatchObject({ accepted: 1 });
    const row = await db
      .prepare('SELECT rate_limited FROM dropped_traffic WHERE site_id = ?')
      .bind(site.id)
      .first<{ rate_limited: number }>();
    expect(row?.rate_limited).toBeGreaterThanOrEqual(1);
    // Neither the address nor the user agent was written anywhere.
    for (const table of ['dropped_traffic', 'rate_counters']) {
      const rows = JSON.stringify((await db.prepare(`SELECT * FROM ${table}`).all()).results);
      expect(rows, table).not.toContain('203.0.113.');
      expect(rows, table).not.toContain('Chrome/156');
    }
    const events = JSON.stringify(await storedEvents(site.id));
    expect(events).not.toContain('203.0.113.');
    expect(events).not.toContain('Chrome/156');
  }, 30_000);

  it(`answers 429 once a site has received ${SITE_LIMIT.limit} batches in ${SITE_LIMIT.periodSeconds} s, whoever sends the next; other sites go on`, async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    // The limiter counts in windows aligned to the clock: start at the beginning of one. The site's budget is
    // spent straight on the binding the Worker uses (each batch counts once, as the visitor test shows through
    // HTTP); a thousand HTTP batches would not fit in 10 s on a busy machine.
    const period = SITE_LIMIT.periodSeconds * 1000;
    await new Promise((r) => setTimeout(r, period - (Date.now() % period)));
    const limiter = (env as unknown as { INGEST_SITE_LIMITER: RateLimit }).INGEST_SITE_LIMITER;
    for (let i = 0; i < SITE_LIMIT.limit; i += 100)
      await Promise.all(Array.from({ length: 100 }, () => limiter.limit({ key: site.key })));
    const limited = await send(
      { site: site.key, visitor: visitor(), events: [answerEvent()] },
      { 'user-agent': CHROME, 'cf-connecting-ip': '198.51.100.1' },
    );
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe(String(SITE_LIMIT.periodSeconds));
    // Another site is not affected.
    const other = await createSiteWithTouchpoints(s, [ORIGIN]);
    expect(
      (await send({ site: other.key, visitor: visitor(), events: [answerEvent()] }, { 'user-agent': CHROME })).status,
    ).toBe(202);
  }, 60_000);

  it("a flood of refused batches with the public site key does not spend the site's budget; real visitors go on (issue 15, M1)", async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    const period = SITE_LIMIT.periodSeconds * 1000;
    await new Promise((r) => setTimeout(r, period - (Date.now() % period)));
    // The site's budget all but spent by real traffic in this window ...
    const limiter = (env as unknown as { INGEST_SITE_LIMITER: RateLimit }).INGEST_SITE_LIMITER;
    for (let i = 0; i < SITE_LIMIT.limit - 20; i += 98)
      await Promise.all(
        Array.from({ length: Math.min(98, SITE_LIMIT.limit - 20 - i) }, () => limiter.limit({ key: site.key })),
      );
    // ... then 200 junk batches from one address, a new user agent each: no valid event, or a foreign origin.
    const junk = (i: number) =>
      i % 2
        ? send(
            { site: site.key, visitor: visitor(), events: [{ nonsense: i }] },
            { 'user-agent': `${CHROME} r${i}`, 'cf-connecting-ip': '192.0.2.66' },
          )
        : postEvents({ site: site.key, visitor: visitor(), events: [answerEvent()] }, 'https://evil.example', {
            headers: {
              'content-type': 'text/plain',
              origin: 'https://evil.example',
              'user-agent': `${CHROME} r${i}`,
              'cf-connecting-ip': '192.0.2.66',
            },
          });
    const statuses = await Promise.all(Array.from({ length: 200 }, (_, i) => junk(i).then((r) => r.status)));
    expect(statuses.every((st) => st === 400 || st === 403)).toBe(true);
    const real = await send(
      { site: site.key, visitor: visitor(), events: [answerEvent()] },
      { 'user-agent': CHROME, 'cf-connecting-ip': '198.51.100.2' },
    );
    expect(real.status).toBe(202);
  }, 60_000);

  it(`refuses an address after ${CLIENT_LIMIT.limit} batches a minute whatever its user agents, without a D1 write`, async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    const body = () => ({ site: site.key, visitor: visitor(), events: [answerEvent('nowhere')] });
    const statuses: number[] = [];
    for (let i = 0; i < CLIENT_LIMIT.limit + 20; i += 62) {
      statuses.push(
        ...(await Promise.all(
          Array.from({ length: 62 }, (_, j) =>
            send(body(), { 'user-agent': `${CHROME} u${i + j}`, 'cf-connecting-ip': '192.0.2.77' }).then(
              (r) => r.status,
            ),
          ),
        )),
      );
    }
    expect(statuses.filter((st) => st === 429).length).toBeGreaterThanOrEqual(statuses.length - CLIENT_LIMIT.limit);
    expect(
      await db.prepare('SELECT count(*) AS n FROM dropped_traffic WHERE site_id = ?').bind(site.id).first('n'),
    ).toBe(0);
    // Another address is served.
    expect(
      (
        await send(
          { site: site.key, visitor: visitor(), events: [answerEvent()] },
          { 'user-agent': CHROME, 'cf-connecting-ip': '192.0.2.78' },
        )
      ).status,
    ).toBe(202);
  }, 60_000);
});
