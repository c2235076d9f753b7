import { describe, expect, it } from 'vitest';
import { addDays, dailySeries, daysBetween, qualityAlerts, welchOneSided, type DailyScoreRollup } from './trends';

const q = (touchpoint: string, day: string, n: number, sum: number, sumsq: number): DailyScoreRollup => ({
  touchpoint,
  day,
  dimension: 'quality',
  n,
  sum,
  sumsq,
});

describe('days', () => {
  it('steps UTC calendar days across month ends', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-28', -6)).toBe('2026-03-22');
    expect(daysBetween('2026-02-27', '2026-03-01')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
    expect(daysBetween('2026-03-02', '2026-03-01')).toEqual([]);
  });
});

describe('daily series', () => {
  it('gives every day of the range its scores and quality, with gaps and the minimum n', () => {
    const [cart] = dailySeries(
      [
        // 2026-03-01: sensorial mean 4 → 75, affective mean 2 → 25 → quality (75 + 25) / 2 = 50
        { touchpoint: 'cart', day: '2026-03-01', dimension: 'sensorial', n: 5, sum: 20, sumsq: 80 },
        { touchpoint: 'cart', day: '2026-03-01', dimension: 'affective', n: 5, sum: 10, sumsq: 20 },
        q('cart', '2026-03-01', 5, 15, 45), // answer-level quality: not a series of its own
        // 2026-03-03: 2 answers → not enough
        { touchpoint: 'cart', day: '2026-03-03', dimension: 'sensorial', n: 2, sum: 10, sumsq: 50 },
        // outside the range
        { touchpoint: 'cart', day: '2026-03-04', dimension: 'sensorial', n: 9, sum: 9, sumsq: 9 },
      ],
      { from: '2026-03-01', to: '2026-03-03' },
    );
    expect(cart?.touchpoint).toBe('cart');
    expect(cart?.days).toEqual([
      {
        day: '2026-03-01',
        scores: { sensorial: { value: 75, n: 5, ci: [75, 75] }, affective: { value: 25, n: 5, ci: [25, 25] } },
        quality: 50,
      },
      { day: '2026-03-02', scores: {}, quality: null },
      { day: '2026-03-03', scores: { sensorial: { value: null, n: 2, ci: null } }, quality: null },
    ]);
  });
});

describe('Welch one-sided test', () => {
  it('matches a hand/scipy computation', () => {
    // recent 2,2,3,3,2: n 5, sum 12, sumsq 30 → mean 2.4, var (30 − 28.8)/4 = 0.3
    // baseline 4,4,5,5,4,4,5,5,4,4: n 10, sum 44, sumsq 196 → mean 4.4, var (196 − 193.6)/9 = 0.26667
    // se² = 0.3/5 + 0.26667/10 = 0.086667 → t = −2 / 0.294392 = −6.79366
    // df = 0.086667² / (0.06²/4 + 0.026667²/9) = 7.67213; p = P(T ≤ t) = 8.4121e-5 (scipy ttest_ind, alternative='less')
    const test = welchOneSided({ n: 5, sum: 12, sumsq: 30 }, { n: 10, sum: 44, sumsq: 196 })!;
    expect(test.t).toBeCloseTo(-6.79366, 4);
    expect(test.df).toBeCloseTo(7.67213, 4);
    expect(test.p).toBeCloseTo(8.4121e-5, 8);
  });

  it('gives a large p for a small dip', () => {
    // recent 3,4,4,5,3,4: n 6, sum 23, sumsq 91; baseline 4,4,5,3,4,5,4,4,3,5: n 10, sum 41, sumsq 173
    // scipy: t = −0.69109, df = 10.48968, p = 0.25226
    const test = welchOneSided({ n: 6, sum: 23, sumsq: 91 }, { n: 10, sum: 41, sumsq: 173 })!;
    expect(test.t).toBeCloseTo(-0.69109, 4);
    expect(test.df).toBeCloseTo(10.48968, 4);
    expect(test.p).toBeCloseTo(0.25226, 4);
  });

  it('treats a difference between two zero-variance windows as certain', () => {
    // all 3s now, all 5s before
    expect(welchOneSided({ n: 5, sum: 15, sumsq: 45 }, { n: 5, sum: 25, sumsq: 125 })?.p).toBe(0);
    expect(welchOneSided({ n: 5, sum: 25, sumsq: 125 }, { n: 5, sum: 15, sumsq: 45 })?.p).toBe(1);
    expect(welchOneSided({ n: 5, sum: 15, sumsq: 45 }, { n: 5, sum: 15, sumsq: 45 })?.p).toBe(1);
  });

  it('cannot test a window of one answer', () => {
    expect(welchOneSided({ n: 1, sum: 1, sumsq: 1 }, { n: 10, sum: 44, sumsq: 196 })).toBeNull();
  });
});

describe('quality alerts', () => {
  const asOf = '2026-03-28'; // recent window 03-22..03-28, baseline 02-22..03-21
  const dropRows = [
    // recent 2,2 | 3,3,2 → pooled n 5, sum 12, sumsq 30
    q('cart', '2026-03-22', 2, 4, 8),
    q('cart', '2026-03-28', 3, 8, 22),
    // baseline 4,4,5,5,4 | 4,5,5,4,4 → pooled n 10, sum 44, sumsq 196
    q('cart', '2026-02-22', 5, 22, 98),
    q('cart', '2026-03-21', 5, 22, 98),
    // outside both windows: 100 answers of 1 would sink the baseline, 5s after asOf would lift the recent week
    q('cart', '2026-02-21', 100, 100, 100),
    q('cart', '2026-03-29', 100, 500, 2500),
    // another dimension is not quality
    { touchpoint: 'cart', day: '2026-03-28', dimension: 'sensorial', n: 50, sum: 250, sumsq: 1250 },
  ];

  it('alerts when the 7-day quality is significantly below the previous 28 days', () => {
    const alerts = qualityAlerts(dropRows, asOf);
    // recent mean 2.4 → 35; baseline 4.4 → 85; change −50; p 8.4e-5 < 0.05
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      touchpoint: 'cart',
      recent: { value: expect.closeTo(35, 10), n: 5 },
      baseline: { value: expect.closeTo(85, 10), n: 10 },
    });
    expect(alerts[0]!.change).toBeCloseTo(-50, 10);
    expect(alerts[0]!.test.p).toBeCloseTo(8.4121e-5, 8);
  });

  it('does not alert on a dip that is not significant, nor on a rise', () => {
    const dip = [q('home', '2026-03-25', 6, 23, 91), q('home', '2026-03-01', 10, 41, 173)]; // p 0.252
    const rise = [q('help', '2026-03-25', 10, 44, 196), q('help', '2026-03-01', 5, 12, 30)];
    expect(qualityAlerts([...dip, ...rise], asOf)).toEqual([]);
  });

  it('needs the minimum n in both windows', () => {
    // recent 4 answers of 1 against 10 of 5: a drop, but 4 < 5
    const rows = [q('cart', '2026-03-28', 4, 4, 4), q('cart', '2026-03-01', 10, 50, 250)];
    expect(qualityAlerts(rows, asOf)).toEqual([]);
    expect(qualityAlerts(rows, asOf, { minN: 4 }).map((a) => a.touchpoint)).toEqual(['cart']);
  });

  it('alerts on a drop between two windows of identical answers', () => {
    // five 3s now against five 5s before: zero variance each side, the fall is certain
    const rows = [q('cart', '2026-03-28', 5, 15, 45), q('cart', '2026-03-01', 5, 25, 125)];
    expect(qualityAlerts(rows, asOf)[0]?.test.p).toBe(0);
  });

  it('is quiet without answers', () => {
    expect(qualityAlerts([], asOf)).toEqual([]);
  });
});
