// POST /v1/events under abuse: every hostile or broken request gets a clear 4xx (or a 2xx that says why each
// event was dropped), never a 500, and not one row in visits, answers, comments or the rollups.
import { MAX_BODY_BYTES } from '@throughline/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  answerEvent,
  BASE,
  createSiteWithTouchpoints,
  eventRows,
  postEvents,
  signup,
  visitor,
  worker,
} from './helpers';

const ORIGIN = 'https://shop.example';
let key: string;

interface Reply {
  accepted?: number;
  rejected?: { index: number; reason: string }[];
  error?: { code: string; message: string; details?: { rejected?: { reason: string }[] } };
}

beforeAll(async () => {
  key = (await createSiteWithTouchpoints(await signup(), [ORIGIN])).key;
});

const batch = (...events: unknown[]) => ({ site: key, visitor: visitor(), events });
const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
/** A body of `bytes` bytes (a valid batch with a long comment), as one string. */
const oversize = (bytes: number) => {
  const body = JSON.stringify(batch(answerEvent('checkout', { comment: '' })));
  return body.replace('"comment":""', `"comment":"${'x'.repeat(bytes - body.length)}"`);
};
/** The same bytes as a stream: no content-length, so the limit must count what arrives. */
const chunked = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(ctrl) {
      if (at >= bytes.length) return ctrl.close();
      ctrl.enqueue(bytes.slice(at, (at += 8192)));
    },
  });
};

/** Each case: what is sent, the status, and the error code or the reason given for the dropped event. */
const cases: [string, () => Promise<Response>, number, RegExp][] = [
  ['a body over 64 KiB', () => postEvents(oversize(MAX_BODY_BYTES + 1), ORIGIN), 413, /payload_too_large/],
  [
    'a body over 64 KiB sent chunked, without content-length',
    () => postEvents(null, ORIGIN, { body: chunked(oversize(MAX_BODY_BYTES + 1)) }),
    413,
    /payload_too_large/,
  ],
  [
    '10,000 events',
    () => postEvents(batch(...Array.from({ length: 10_000 }, () => answerEvent()))),
    413,
    /payload_too_large/,
  ],
  [
    '10,000 tiny events under the byte limit',
    () => postEvents(batch(...Array.from({ length: 10_000 }, () => 0))),
    400,
    /invalid_request/,
  ],
  ['malformed JSON', () => postEvents('{"site": "x", "events": [', ORIGIN), 400, /malformed_json/],
  ['an empty body', () => postEvents('', ORIGIN), 400, /malformed_json/],
  ['a JSON array instead of an object', () => postEvents('[]', ORIGIN), 400, /invalid_request/],
  [
    'events that are not a list',
    () => postEvents({ site: key, visitor: visitor(), events: 'many' }, ORIGIN),
    400,
    /invalid_request/,
  ],
  ['no events', () => postEvents(batch(), ORIGIN), 400, /invalid_request/],
  [
    'a numeric visitor',
    () => postEvents({ site: key, visitor: 12345678, events: [answerEvent()] }, ORIGIN),
    400,
    /invalid_request/,
  ],
  [
    'a visitor id with markup',
    () => postEvents({ site: key, visitor: '<script>alert(1)</script>', events: [answerEvent()] }, ORIGIN),
    400,
    /invalid_request/,
  ],
  [
    'a __proto__ key on the batch',
    () =>
      postEvents(
        `{"site":"${key}","visitor":"${visitor()}","events":[${JSON.stringify(answerEvent())}],"__proto__":{"polluted":1}}`,
        ORIGIN,
      ),
    400,
    /invalid_request/,
  ],
  [
    'a __proto__ key in an event',
    () =>
      postEvents(JSON.stringify(batch(answerEvent())).replace('"type":', '"__proto__":{"polluted":1},"type":'), ORIGIN),
    400,
    /__proto__|unrecognized|no_valid_events/i,
  ],
  [
    'a constructor key in the answers',
    () => postEvents(batch(answerEvent('checkout', { answers: { sensorial: 4, constructor: 5 } })), ORIGIN),
    400,
    /constructor|unrecognized/i,
  ],
  [
    'an unknown site',
    () => postEvents({ ...batch(answerEvent()), site: 'tl_nosuchsite' }, ORIGIN),
    404,
    /unknown_site/,
  ],
  ['an unknown touchpoint', () => postEvents(batch(answerEvent('nowhere')), ORIGIN), 400, /unknown touchpoint/],
  ['a disallowed origin', () => postEvents(batch(answerEvent()), 'https://evil.example'), 403, /origin_not_allowed/],
  [
    'a score of 0',
    () => postEvents(batch(answerEvent('checkout', { answers: { sensorial: 0 } })), ORIGIN),
    400,
    /1 to 5/,
  ],
  [
    'a score of 6',
    () => postEvents(batch(answerEvent('checkout', { answers: { cognitive: 6 } })), ORIGIN),
    400,
    /1 to 5/,
  ],
  [
    'a score of 2.5',
    () => postEvents(batch(answerEvent('checkout', { answers: { affective: 2.5 } })), ORIGIN),
    400,
    /answers\.affective/,
  ],
  [
    'a score as a string',
    () => postEvents(batch(answerEvent('checkout', { answers: { affective: '4' } })), ORIGIN),
    400,
    /answers\.affective/,
  ],
  [
    'an unknown dimension',
    () => postEvents(batch(answerEvent('checkout', { answers: { joy: 5 } })), ORIGIN),
    400,
    /joy|unrecognized/i,
  ],
  ['no answers at all', () => postEvents(batch(answerEvent('checkout', { answers: {} })), ORIGIN), 400, /answers/],
  [
    'an event id that is not a uuid',
    () => postEvents(batch(answerEvent('checkout', { id: 'not-a-uuid' })), ORIGIN),
    400,
    /id/,
  ],
  [
    'an unknown event type',
    () => postEvents(batch(answerEvent('checkout', { type: 'purchase' })), ORIGIN),
    400,
    /type/,
  ],
  [
    'a comment over 2,000 characters',
    () => postEvents(batch(answerEvent('checkout', { comment: 'x'.repeat(2001) })), ORIGIN),
    400,
    /comment/,
  ],
  [
    'a time a day in the future',
    () => postEvents(batch(answerEvent('checkout', { at: hours(24) })), ORIGIN),
    400,
    /future/,
  ],
  [
    'a time in the year 9999',
    () => postEvents(batch(answerEvent('checkout', { at: '9999-12-31T23:59:59Z' })), ORIGIN),
    400,
    /future/,
  ],
  [
    'a time 8 days ago',
    () => postEvents(batch(answerEvent('checkout', { at: hours(-8 * 24) })), ORIGIN),
    400,
    /older than 7 days/,
  ],
  [
    'a time that is not ISO 8601',
    () => postEvents(batch(answerEvent('checkout', { at: 'yesterday' })), ORIGIN),
    400,
    /at/,
  ],
  [
    'a handoff answer without `from`',
    () => postEvents(batch(answerEvent('checkout', { answers: { handoff: 4 } })), ORIGIN),
    400,
    /handoff/,
  ],
];

describe('POST /v1/events refuses abuse and writes nothing', () => {
  it.each(cases)('%s', async (_, send, status, why) => {
    const before = await eventRows();
    const res = await send();
    const text = await res.text();
    expect(res.status, text).toBe(status);
    const body = JSON.parse(text) as Reply;
    expect(JSON.stringify(body.error ?? body.rejected)).toMatch(why);
    expect(body.error?.message).toBeTruthy();
    expect(await eventRows()).toEqual(before);
  });

  it('pollutes no prototype', () => {
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
  });

  it('answers a CORS preflight only for an allowed origin of the site it names, without writing anything', async () => {
    const before = await eventRows();
    const preflight = (query: string, origin: string) =>
      worker.fetch(`${BASE}/v1/events${query}`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const res = await preflight(`?site=${key}`, ORIGIN);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toContain('content-type');
    // Another origin, an unknown site, or no site named: no CORS, so the browser does not send the POST.
    for (const [query, origin] of [
      [`?site=${key}`, 'https://evil.example'],
      ['?site=nosuchsite', ORIGIN],
      ['', ORIGIN],
    ] as const) {
      const refused = await preflight(query, origin);
      expect(refused.status, `${query} ${origin}`).toBe(204);
      expect(refused.headers.get('access-control-allow-origin'), `${query} ${origin}`).toBeNull();
    }
    expect(await eventRows()).toEqual(before);
  });

  it('accepts a text/plain beacon from an allowed origin and says why a bad event beside it was dropped', async () => {
    const before = await eventRows();
    const res = await postEvents(batch(answerEvent(), answerEvent('checkout', { answers: { sensorial: 7 } })), ORIGIN);
    expect(res.status).toBe(202);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const body = await res.json<Reply>();
    expect(body).toMatchObject({ accepted: 1, rejected: [{ index: 1, reason: expect.stringMatching(/1 to 5/) }] });
    const after = await eventRows();
    expect(after.answers - before.answers).toBe(1);
    expect(after.scored - before.scored).toBe(4); // three dimensions and the answer's quality
    // the raw row at least; its rollups are folded with other batches' and written a moment later
    expect(Number(res.headers.get('x-rows-written'))).toBeGreaterThanOrEqual(1);
  });
});
