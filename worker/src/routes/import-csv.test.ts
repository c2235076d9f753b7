// POST /api/v1/sites/{id}/import.csv: an export imports back unchanged (and twice, once); a paper survey without ids
// or visitors imports once however often it is sent; a bad file or bad rows are refused by line, nothing written.
import type { ResponseRow, ResponsesPage } from '@throughline/schema';
import { describe, expect, it } from 'vitest';
import {
  answerEvent,
  createSiteWithTouchpoints,
  eventRows,
  postEvents,
  RawBody,
  signup,
  visitor,
  type Session,
} from '../../test/helpers';

const ORIGIN = 'https://shop.example';
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
const csv = (text: string) => new RawBody('text/csv', text);
const importCsv = (s: Session, siteId: string, text: string) =>
  s.send('POST', `/api/v1/sites/${siteId}/import.csv`, csv(text));
async function responses(s: Session, siteId: string) {
  const res = await s.get(`/api/v1/sites/${siteId}/responses?limit=200&from=${daysAgo(30).slice(0, 10)}`);
  if (res.status !== 200) throw new Error(`responses ${res.status}: ${await res.text()}`);
  return (await res.json<ResponsesPage>()).responses;
}
/** What an answer says, without what importing changes (its source). */
const said = ({ source: _s, ...r }: ResponseRow) => r;

describe('POST /api/v1/sites/{id}/import.csv', () => {
  it('imports an export back unchanged: once into the same site (all duplicates), whole into another', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    const who = visitor();
    const sent = [
      answerEvent('home', {
        at: daysAgo(3),
        context: { device: 'mobile', channel: 'search', locale: 'de-CH', returning: false },
      }),
      answerEvent('cart', {
        at: daysAgo(2),
        from: 'home',
        answers: { sensorial: 2, handoff: 5 },
        comment: '=HYPERLINK("x") and, "quoted"\nnext line',
      }),
      answerEvent('checkout', {
        at: daysAgo(1),
        from: 'cart',
        answers: { cognitive: 1, importance: 5 },
        context: { returning: true },
      }),
    ];
    expect((await postEvents({ site: site.key, visitor: who, events: sent }, ORIGIN)).status).toBe(202);
    const exported = await (await s.get(`/api/v1/sites/${site.id}/export.csv?from=${daysAgo(30).slice(0, 10)}`)).text();

    const again = await importCsv(s, site.id, exported);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 3 });

    const other = await createSiteWithTouchpoints(s, [ORIGIN]);
    const moved = await importCsv(s, other.id, exported);
    expect(await moved.json()).toEqual({ accepted: 3, duplicates: 0 });
    const before = await responses(s, site.id);
    const after = await responses(s, other.id);
    expect(after.map(said)).toEqual(before.map(said));
    expect(after.every((r) => r.source === 'import')).toBe(true);
    // The comment that the export defused for spreadsheets comes back as the visitor wrote it.
    expect(after.find((r) => r.touchpoint === 'cart')?.comment).toBe('=HYPERLINK("x") and, "quoted"\nnext line');
  });

  it("keeps what the export had to prefix: a visitor id starting with -, a comment starting with ' or '= (issue 15, L8)", async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    const comments = ["'=SUM(A1) was my score", "'quoted", '@everyone great', '-minus first', "''two quotes"];
    for (const [i, comment] of comments.entries()) {
      const who = i % 2 ? `-dash-${visitor().slice(0, 12)}` : visitor();
      expect(
        (
          await postEvents(
            { site: site.key, visitor: who, events: [answerEvent('home', { at: daysAgo(1 + i / 10), comment })] },
            ORIGIN,
          )
        ).status,
      ).toBe(202);
    }
    const exported = await (await s.get(`/api/v1/sites/${site.id}/export.csv?from=${daysAgo(30).slice(0, 10)}`)).text();
    const other = await createSiteWithTouchpoints(s, [ORIGIN]);
    const moved = await importCsv(s, other.id, exported);
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect(await moved.json()).toEqual({ accepted: comments.length, duplicates: 0 });
    const after = await responses(s, other.id);
    expect(after.map(said)).toEqual((await responses(s, site.id)).map(said));
    expect(after.map((r) => r.comment).sort()).toEqual([...comments].sort());
    expect(after.filter((r) => r.visitor.startsWith('-dash-'))).toHaveLength(2);
  });

  it('imports a paper survey without ids or visitors once, however often it is sent; a date alone is noon UTC', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    const day = daysAgo(10).slice(0, 10);
    // Semicolons, as spreadsheets in many countries save CSV; a byte order mark; a blank line; upper-case headers.
    const paper = `\uFEFFAT;Touchpoint;Sensorial;Affective;Comment\r\n${day};checkout;4;5;Quick\r\n${day};checkout;4;5;Quick\r\n\r\n${day};home;2;;\r\n`;
    const first = await importCsv(s, site.id, paper);
    expect(first.status).toBe(200);
    // Two identical rows are two answers (two people said the same); the same file again adds nothing.
    expect(await first.json()).toEqual({ accepted: 3, duplicates: 0 });
    expect(await (await importCsv(s, site.id, paper)).json()).toEqual({ accepted: 0, duplicates: 3 });
    const rows = await responses(s, site.id);
    // (same time: the list's order among them follows the ids, so compare sorted)
    expect(
      rows
        .map((r) => [r.touchpoint, r.at, r.answers, r.comment ?? null])
        .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    ).toEqual([
      ['checkout', `${day}T12:00:00.000Z`, { sensorial: 4, affective: 5 }, 'Quick'],
      ['checkout', `${day}T12:00:00.000Z`, { sensorial: 4, affective: 5 }, 'Quick'],
      ['home', `${day}T12:00:00.000Z`, { sensorial: 2 }, null],
    ]);
    // Each row without a visitor is a journey of its own.
    expect(new Set(rows.map((r) => r.visitor)).size).toBe(3);
  });

  it('refuses a bad file or bad rows, by line, and writes nothing', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    const at = daysAgo(5);
    const cases: [string, number, string, RegExp][] = [
      [`at,touchpoint,mood\r\n${at},home,4\r\n`, 400, 'invalid_csv', /unknown column "mood"/],
      [`at,sensorial\r\n${at},4\r\n`, 400, 'invalid_csv', /needs a "touchpoint" column/],
      [`at,touchpoint,sensorial\r\n${at},home,4,9\r\n`, 400, 'invalid_csv', /line 2/],
      [
        `at,touchpoint,sensorial\r\n${at},home,4\r\n${at},home,7\r\nyesterday,home,3\r\n`,
        400,
        'invalid_events',
        /2 problems.*line 3: answers/,
      ],
      [`at,touchpoint,sensorial\r\n${at},home,4\r\n${at},nowhere,3\r\n`, 400, 'invalid_events', /line 3: .*touchpoint/],
      ['', 400, 'invalid_csv', /touchpoint|at/],
    ];
    for (const [text, status, code, message] of cases) {
      const res = await importCsv(s, site.id, text);
      expect(res.status, text).toBe(status);
      const body = await res.json<{
        error: { code: string; message: string; details?: { rejected: { line: number }[] } };
      }>();
      expect(body.error.code, text).toBe(code);
      expect(body.error.message, text).toMatch(message);
    }
    const lines = await importCsv(
      s,
      site.id,
      `at,touchpoint,sensorial\r\n${at},home,4\r\n${at},home,7\r\nyesterday,home,3\r\n`,
    );
    expect(
      (await lines.json<{ error: { details: { rejected: { line: number }[] } } }>()).error.details.rejected.map(
        (r) => r.line,
      ),
    ).toEqual([3, 4]);
    const wrongType = await s.send('POST', `/api/v1/sites/${site.id}/import.csv`, { events: [] });
    expect(wrongType.status).toBe(415);
    expect((await eventRows(site.id)).answers).toBe(0);
  });
});
