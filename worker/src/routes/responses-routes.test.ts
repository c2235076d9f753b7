import type { ResponseRow, ResponsesPage, VisitorDeletion } from '@throughline/schema';
import { describe, expect, it } from 'vitest';
import {
  answerEvent,
  createSiteWithTouchpoints,
  db,
  eventRows,
  postEvents,
  signup,
  storedRollups,
  visitor,
  type Session,
} from '../../test/helpers';
import { csvCell } from './export-csv';

const ORIGIN = 'https://shop.example';
const daysAgo = (d: number, minutes = 0) => new Date(Date.now() - d * 86_400_000 - minutes * 60_000).toISOString();

async function send(siteKey: string, who: string, events: unknown[]) {
  const res = await postEvents({ site: siteKey, visitor: who, events }, ORIGIN);
  if (res.status !== 202) throw new Error(`ingest ${res.status}: ${await res.text()}`);
  return res.json<{ accepted: number }>();
}

async function allPages(s: Session, path: string, limit: number): Promise<ResponseRow[]> {
  const out: ResponseRow[] = [];
  let cursor: string | null = null;
  do {
    const page: ResponsesPage = await (
      await s.get(`${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`)
    ).json();
    out.push(...page.responses);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

describe('GET /api/v1/sites/{id}/responses', () => {
  it('pages through every answer newest first, with comments, and filters by touchpoint, comment, range and segment', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    const who = visitor();
    await send(site.key, who, [
      answerEvent('cart', { at: daysAgo(3), context: { device: 'mobile' } }),
      answerEvent('checkout', { at: daysAgo(2), comment: 'Slow payment page', context: { device: 'desktop' } }),
      answerEvent('checkout', {
        at: daysAgo(1),
        from: 'cart',
        answers: { handoff: 2, cognitive: 5 },
        context: { device: 'mobile' },
      }),
      ...Array.from({ length: 7 }, (_, i) => answerEvent('home', { at: daysAgo(0, i + 1) })),
    ]);
    const base = `/api/v1/sites/${site.id}/responses`;
    const all = await allPages(s, base, 3);
    expect(all).toHaveLength(10);
    expect(new Set(all.map((r) => r.id)).size).toBe(10);
    expect(all.map((r) => r.at)).toEqual([...all.map((r) => r.at)].sort().reverse());
    const withComment = all.find((r) => r.comment);
    expect(withComment).toMatchObject({
      touchpoint: 'checkout',
      comment: 'Slow payment page',
      answers: { sensorial: 4, affective: 5, cognitive: 3 },
      quality: 75,
    });
    expect(all.find((r) => r.from === 'cart')).toMatchObject({
      answers: { handoff: 2, cognitive: 5 },
      quality: 100,
      context: { device: 'mobile' },
    });

    const q = async (query: string) => (await (await s.get(`${base}?${query}`)).json<ResponsesPage>()).responses;
    expect((await q('touchpoint=checkout')).map((r) => r.touchpoint)).toEqual(['checkout', 'checkout']);
    expect((await q('hasComment=true')).map((r) => r.comment)).toEqual(['Slow payment page']);
    expect(await q('hasComment=false')).toHaveLength(9);
    expect(await q(`from=${daysAgo(3).slice(0, 10)}&to=${daysAgo(2).slice(0, 10)}`)).toHaveLength(2);
    expect((await q('segment=device:mobile')).map((r) => r.touchpoint)).toEqual(['checkout', 'cart']);
    expect((await q('segment=stage:Awareness')).every((r) => r.touchpoint === 'home')).toBe(true);
  });

  it('refuses an unknown segment, a forged cursor and a bad limit with a 400', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    for (const query of ['segment=shoe:size', 'cursor=bm9wZQ', 'limit=0', 'hasComment=maybe', 'from=yesterday']) {
      const res = await s.get(`/api/v1/sites/${site.id}/responses?${query}`);
      expect(res.status, query).toBe(400);
      expect((await res.json<{ error: { code: string } }>()).error.code, query).toMatch(/invalid|unknown_segment/);
    }
    expect((await s.get(`/api/v1/sites/${site.id}/export.csv?segment=shoe:size`)).status).toBe(400);
  });
});

describe('exports', () => {
  it('streams every matching answer as CSV and JSON, across many pages, with cells escaped and formulas defused', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    const tricky = '=HYPERLINK("http://evil.example","click"), then\nmore';
    await send(site.key, visitor(), [answerEvent('checkout', { comment: tricky, at: daysAgo(1) })]);
    for (let b = 0; b < 6; b++)
      await send(
        site.key,
        visitor(),
        Array.from({ length: 200 }, () => answerEvent('home')),
      );

    const csv = await s.get(`/api/v1/sites/${site.id}/export.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(
      /attachment; filename="throughline-shop-\d{4}-\d\d-\d\d\.csv"/,
    );
    const text = await csv.text();
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'id,at,visitor,touchpoint,from,sensorial,affective,cognitive,relational,behavioral,importance,handoff,theme,quality,comment,device,channel,locale,country,returning,source',
    );
    expect(lines.filter((l) => /^[0-9a-f-]{36},/.test(l))).toHaveLength(1201);
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"",""click""), then\nmore",`);

    const json = await (await s.get(`/api/v1/sites/${site.id}/export.json?touchpoint=checkout`)).json<ResponseRow[]>();
    expect(json).toHaveLength(1);
    expect(json[0]!.comment).toBe(tricky);
    expect((await (await s.get(`/api/v1/sites/${site.id}/export.json`)).json<ResponseRow[]>()).length).toBe(1201);
  }, 60_000);

  it('quotes and defuses CSV cells', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('+1 555')).toBe("'+1 555");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(null)).toBe('');
    expect(csvCell(false)).toBe('false');
  });
});

describe('DELETE /api/v1/sites/{id}/visitors/{visitorId}', () => {
  it('deletes the visitor’s visits, answers and comments, and leaves rollups equal to those of the remaining rows', async () => {
    const s = await signup();
    const [site, twin] = [await createSiteWithTouchpoints(s, [ORIGIN]), await createSiteWithTouchpoints(s, [ORIGIN])];
    const journey = (from?: string) => [
      {
        id: crypto.randomUUID(),
        type: 'visit',
        touchpoint: 'cart',
        at: daysAgo(1, 30),
        context: { device: 'mobile', locale: 'de-CH', returning: true },
      },
      answerEvent('cart', {
        at: daysAgo(1, 29),
        answers: { sensorial: 2, affective: 3, cognitive: 4, importance: 5 },
        context: { device: 'mobile' },
      }),
      {
        id: crypto.randomUUID(),
        type: 'visit',
        touchpoint: 'checkout',
        from: from ?? 'cart',
        at: daysAgo(1, 20),
        context: { device: 'mobile', channel: 'internal' },
      },
      answerEvent('checkout', {
        at: daysAgo(1, 19),
        from: from ?? 'cart',
        answers: { sensorial: 5, cognitive: 2, handoff: 3 },
        comment: 'ok',
        context: { device: 'mobile' },
      }),
    ];
    const gone = visitor();
    const keptEvents = [...journey(), ...journey('home')];
    const kept = visitor();
    await send(site.key, gone, journey());
    await send(site.key, gone, [answerEvent('home', { at: daysAgo(2), comment: 'bye' })]);
    await send(site.key, kept, keptEvents);
    await send(twin.key, kept, keptEvents);

    const res = await s.send('DELETE', `/api/v1/sites/${site.id}/visitors/${gone}`);
    expect(res.status).toBe(200);
    expect(await res.json<VisitorDeletion>()).toEqual({ visitor: gone, visits: 2, answers: 3, comments: 2 });
    // every rollup row is as if the visitor had never come, with no rows left at zero
    const remaining = await storedRollups(site.id);
    expect(remaining).toEqual(await storedRollups(twin.id));
    // the comparison covers what the visitor had touched: context sums, arrivals, journeys and histograms
    const metrics = Object.values(remaining).flatMap((m) => Object.keys(m));
    for (const prefix of ['c:', 'a:', 'r', 'x', 'd:sensorial'])
      expect(
        metrics.some((m) => m.startsWith(prefix)),
        prefix,
      ).toBe(true);
    const left = await (await s.get(`/api/v1/sites/${site.id}/responses`)).json<ResponsesPage>();
    expect(left.responses.every((r) => r.visitor === kept)).toBe(true);
    const overview = async (id: string) =>
      await (await s.get(`/api/v1/sites/${id}/analytics/overview`)).json<{
        touchpoints: unknown;
        connectivity: unknown;
      }>();
    const [a, b] = [await overview(site.id), await overview(twin.id)];
    expect(a.touchpoints).toEqual(b.touchpoints);
    expect(a.connectivity).toEqual(b.connectivity);
    // Deleting again finds nothing; a viewer may not delete.
    expect(await (await s.send('DELETE', `/api/v1/sites/${site.id}/visitors/${gone}`)).json()).toMatchObject({
      visits: 0,
      answers: 0,
      comments: 0,
    });
  });
});

describe('DELETE /api/v1/sites/{id}', () => {
  it('removes the site with its answers, rollups and dropped-traffic counters; its config is gone', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    await send(site.key, visitor(), [answerEvent('checkout', { comment: 'hi' })]);
    await postEvents({ site: site.key, visitor: visitor(), events: [answerEvent()] }, ORIGIN, {
      headers: { 'content-type': 'text/plain', origin: ORIGIN, 'user-agent': 'curl/8' },
    });
    expect((await s.send('DELETE', `/api/v1/sites/${site.id}`)).status).toBe(204);
    // the site's object is empty; in D1, every table with a site_id column (a table added later cannot be forgotten)
    expect(await eventRows(site.id)).toEqual({ visits: 0, answers: 0, comments: 0, rollups: 0, scored: 0, visited: 0 });
    const { results: tables } = await db
      .prepare(
        `SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c
       WHERE m.type = 'table' AND m.name NOT LIKE '\\_%' ESCAPE '\\' AND m.name NOT LIKE 'sqlite%' AND c.name = 'site_id'`,
      )
      .all<{ name: string }>();
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['dropped_traffic', 'touchpoints']));
    for (const t of tables.map((r) => r.name)) {
      const row = await db
        .prepare(`SELECT count(*) AS n FROM ${t} WHERE site_id = ?`)
        .bind(site.id)
        .first<{ n: number }>();
      expect(row?.n, t).toBe(0);
    }
    expect((await s.get(`/api/v1/sites/${site.id}`)).status).toBe(404);
  });
});
