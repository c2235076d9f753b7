// Response rate of a touchpoint's prompt (docs/metrics.md "Response rate"): of the prompts the widget put on
// screen in range, the share answered and the share dismissed, with Wilson 95% intervals (a share of a count).
import type { ResponseRate } from '@throughline/schema';

export interface PromptCounts {
  touchpoint: string;
  shown: number;
  dismissed: number;
  answered: number;
}

/** Wilson score interval for k of n at 95%, in percent; null when nothing was shown. */
function wilson(k: number, n: number): [number, number] | null {
  if (n <= 0) return null;
  const z = 1.959963984540054;
  const p = k / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return [Math.max(0, centre - half) * 100, Math.min(1, centre + half) * 100];
}

/**
 * A touchpoint's rates. A prompt answered in another tab or after a reload may be answered without a `shown` in
 * range, so the shares are capped at 100%.
 */
export function responseRateOf(c: Omit<PromptCounts, 'touchpoint'>): ResponseRate {
  const share = (k: number) => (c.shown > 0 ? (Math.min(k, c.shown) / c.shown) * 100 : null);
  return {
    shown: c.shown,
    dismissed: c.dismissed,
    answered: c.answered,
    answerRate: share(c.answered),
    answerRateCi: wilson(Math.min(c.answered, c.shown), c.shown),
    dismissRate: share(c.dismissed),
  };
}
