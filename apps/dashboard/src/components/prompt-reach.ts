// How soon a touchpoint's prompt reaches the minimum n: the pace of the last days' answers, and what the ask
// budget and the prompt's own rules allow. Pure, for the prompt editor (prompt-reach-panel.tsx).

export interface ReachInput {
  /** Answers at the touchpoint in the last `days` days. */
  answers: number;
  days: number;
  /** The site's minimum answers for a score (settings.minN). */
  minN: number;
}

export type ReachEstimate =
  | { kind: 'enough'; perDay: number }
  | { kind: 'days'; perDay: number; days: number }
  | { kind: 'none' };

/**
 * At the recent pace (answers / days), the days a window needs to hold minN answers: ceil(minN / pace). `enough`
 * when the recent days already hold minN; `none` when they hold no answer (no pace to go by).
 */
export function reachEstimate({ answers, days, minN }: ReachInput): ReachEstimate {
  if (answers <= 0 || days <= 0) return { kind: 'none' };
  const perDay = answers / days;
  if (answers >= minN) return { kind: 'enough', perDay };
  return { kind: 'days', perDay, days: Math.ceil(minN / perDay) };
}

/** "1 prompt per 7 days", "no prompts" — the site's ask budget in words. */
export function budgetText({ prompts, periodDays }: { prompts: number; periodDays: number }): string {
  if (prompts === 0) return 'no prompts at all (the budget is 0)';
  const p = `${prompts} prompt${prompts === 1 ? '' : 's'}`;
  return periodDays === 1 ? `${p} a day` : `${p} per ${periodDays} days`;
}
