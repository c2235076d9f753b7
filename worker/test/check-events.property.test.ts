// Property-based tests of the ingest validators (packages/schema EventSchema, IngestRequestSchema and
// worker/src/ingest/check-events.ts): every valid event is accepted; any one mutation out of range is rejected
// with a reason; no input whatsoever makes them throw.
import { DIMENSIONS, EventSchema, IngestRequestSchema, MAX_EVENT_AGE_DAYS } from '@throughline/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEvents } from '../src/ingest/check-events';

const NOW = Date.parse('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
const TOUCHPOINTS = new Map([
  ['home', 'web'],
  ['cart', 'web'],
  ['checkout', 'web'],
  ['desk', 'offline'],
]);
const opts = { touchpoints: TOUCHPOINTS, now: NOW, maxAgeDays: MAX_EVENT_AGE_DAYS };
const KEYS = [...TOUCHPOINTS.keys()];

const score = fc.integer({ min: 1, max: 5 });
const time = fc
  .integer({ min: NOW - MAX_EVENT_AGE_DAYS * DAY + 60_000, max: NOW })
  .map((t) => new Date(t).toISOString());
const context = fc.record(
  {
    device: fc.constantFrom('mobile', 'tablet', 'desktop'),
    locale: fc.constantFrom('en', 'en-GB', 'de-CH', 'fr'),
    channel: fc.constantFrom('direct', 'search', 'social', 'email', 'referral', 'qr', 'partner', 'internal'),
    returning: fc.boolean(),
    path: fc.string({ maxLength: 512 }),
  },
  { requiredKeys: [] },
);
/** Answers on any non-empty set of dimensions; `handoff` only when the event has a `from`. */
const answers = (withHandoff: boolean) =>
  fc
    .subarray(
      DIMENSIONS.filter((d) => withHandoff || d !== 'handoff'),
      { minLength: 1 },
    )
    .chain((dims) =>
      fc.tuple(...dims.map(() => score)).map((vs) => Object.fromEntries(dims.map((d, i) => [d, vs[i]]))),
    );

type Ev = Record<string, unknown> & { id: string; type: string; touchpoint: string; at: string; from?: string };

const validEvent: fc.Arbitrary<Ev> = fc
  .record({
    id: fc.uuid({ version: 4 }),
    type: fc.constantFrom('visit', 'answer'),
    touchpoint: fc.constantFrom(...KEYS),
    at: time,
    from: fc.option(fc.constantFrom(...KEYS), { nil: undefined }),
    context: fc.option(context, { nil: undefined }),
    comment: fc.option(fc.string({ minLength: 1, maxLength: 2000 }), { nil: undefined }),
  })
  .chain(({ type, comment, ...e }): fc.Arbitrary<Ev> => {
    const base = {
      ...Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)),
      id: e.id,
      touchpoint: e.touchpoint,
      at: e.at,
    };
    if (type === 'visit') return fc.constant({ ...base, type });
    return answers(e.from !== undefined).map((a) => ({
      ...base,
      type,
      answers: a,
      ...(comment === undefined ? {} : { comment }),
    }));
  });

const answerEvent = validEvent.filter((e) => e.type === 'answer') as fc.Arbitrary<
  Ev & { answers: Record<string, number> }
>;

/** One change that puts a valid event out of range, with the word its reason must contain. */
const mutation: fc.Arbitrary<[string, (e: Record<string, unknown>) => Record<string, unknown>]> = fc.oneof(
  fc
    .oneof(
      fc.integer({ max: 0 }),
      fc.integer({ min: 6 }),
      fc.double({ min: 1.01, max: 4.99, noInteger: true }),
      fc.constant(Number.NaN),
    )
    .map((bad): [string, (e: Record<string, unknown>) => Record<string, unknown>] => [
      'answers',
      (e) => ({ ...e, type: 'answer', answers: { sensorial: bad } }),
    ]),
  fc
    .string({ minLength: 1, maxLength: 64 })
    .filter((k) => !TOUCHPOINTS.has(k))
    .map((k): [string, (e: Record<string, unknown>) => Record<string, unknown>] => [
      'touchpoint',
      (e) => ({ ...e, touchpoint: k }),
    ]),
  fc
    .integer({ min: 5 * 60_000 + 1, max: 1e13 })
    .map((ms): [string, (e: Record<string, unknown>) => Record<string, unknown>] => [
      'future',
      (e) => ({ ...e, at: new Date(Math.min(NOW + ms, 8.64e15)).toISOString() }),
    ]),
  fc
    .integer({ min: MAX_EVENT_AGE_DAYS * DAY + 1, max: 1e12 })
    .map((ms): [string, (e: Record<string, unknown>) => Record<string, unknown>] => [
      'older',
      (e) => ({ ...e, at: new Date(NOW - ms).toISOString() }),
    ]),
  fc
    .string()
    .filter((s) => !/^[0-9a-f-]{36}$/i.test(s))
    .map((id): [string, (e: Record<string, unknown>) => Record<string, unknown>] => ['id', (e) => ({ ...e, id })]),
  fc
    .constantFrom('__proto__', 'constructor', 'prototype', 'ip', 'userAgent')
    .map((k): [string, (e: Record<string, unknown>) => Record<string, unknown>] => [
      '',
      (e) => JSON.parse(JSON.stringify(e).replace('{', `{"${k}":1,`)),
    ]),
  fc
    .constantFrom('purchase', '', null, 1)
    .map((t): [string, (e: Record<string, unknown>) => Record<string, unknown>] => [
      'type',
      (e) => ({ ...e, type: t }),
    ]),
  fc.constant<[string, (e: Record<string, unknown>) => Record<string, unknown>]>([
    'handoff',
    (e) => {
      const { from: _from, ...rest } = e;
      return { ...rest, type: 'answer', answers: { handoff: 3 } };
    },
  ]),
);

describe('ingest validators, property-based', () => {
  it('accept every valid event, as it was sent', () => {
    fc.assert(
      fc.property(validEvent, (e) => {
        expect(EventSchema.safeParse(e).success).toBe(true);
        const { valid, rejected } = checkEvents([e], opts);
        expect(rejected).toEqual([]);
        expect(valid).toHaveLength(1);
        expect(valid[0]).toMatchObject({ id: e.id, touchpoint: e.touchpoint, at: e.at });
      }),
      { numRuns: 300 },
    );
  });

  it('reject any mutation out of range, with a reason, and keep the valid events beside it', () => {
    fc.assert(
      fc.property(validEvent, mutation, validEvent, (e, [word, mutate], good) => {
        const { valid, rejected } = checkEvents([mutate(e), good], opts);
        expect(rejected).toHaveLength(1);
        expect(rejected[0]!.index).toBe(0);
        expect(rejected[0]!.reason).toMatch(new RegExp(word));
        expect(valid.map((v) => v.id)).toEqual([good.id]);
      }),
      { numRuns: 400 },
    );
  });

  it('keep a score that is in range and drop nothing else of an answer', () => {
    fc.assert(
      fc.property(answerEvent, (e) => {
        const [stored] = checkEvents([e], opts).valid;
        expect(stored && 'answers' in stored ? stored.answers : null).toEqual(e.answers);
      }),
    );
  });

  it('pass every copy of a repeated id on to storage, which counts the repeats as duplicates', () => {
    fc.assert(
      fc.property(validEvent, fc.integer({ min: 2, max: 20 }), (e, times) => {
        const { valid, rejected } = checkEvents(
          Array.from({ length: times }, () => e),
          opts,
        );
        expect([valid.length, rejected.length]).toEqual([times, 0]);
      }),
    );
  });

  it('never throw, whatever arrives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.anything({ withObjectString: true, withNullPrototype: true, withBigInt: true, withDate: true })),
        (raw) => {
          const { valid, rejected } = checkEvents(raw, opts);
          expect(valid.length + rejected.length).toBeLessThanOrEqual(raw.length);
          for (const r of rejected) expect(typeof r.reason).toBe('string');
        },
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true }), (body) => {
        const parsed = IngestRequestSchema.safeParse(body);
        expect(typeof parsed.success).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
