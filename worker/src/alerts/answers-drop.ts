// A sudden drop in answers (a broken install, a prompt switched off by mistake): yesterday's answers against the
// daily mean of the 14 days before, read as a Poisson count. Pure; worker/src/alerts/find-alerts.ts calls it.

/** P(X ≤ k) for X ~ Poisson(mean). */
export function poissonCdf(k: number, mean: number): number {
  let term = Math.exp(-mean);
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term *= mean / i;
    sum += term;
  }
  return Math.min(1, sum);
}

export interface AnswersDrop {
  yesterday: number;
  mean: number;
  p: number;
}

/**
 * Raised when yesterday's answers are so few that a Poisson count with the baseline's daily mean would fall that
 * low with probability below `alpha` (0.001: about one false alarm in three years of daily checks per site).
 * A baseline below 3 answers a day never alerts: zero answers would be ordinary there.
 */
export function answersDrop(baseline: readonly number[], yesterday: number, alpha = 0.001): AnswersDrop | null {
  if (!baseline.length) return null;
  const mean = baseline.reduce((a, b) => a + b, 0) / baseline.length;
  if (mean < 3) return null;
  const p = poissonCdf(yesterday, mean);
  return p < alpha ? { yesterday, mean, p } : null;
}
