// Decides whether a touchpoint may ask now: prompt enabled, recontact period, the journey ask budget, sampling.
import type { AskBudget, Prompt } from '@throughline/schema';

const DAY = 864e5;

/** What the widget remembers about asking, per site, across tabs and reloads. */
export interface AskLog {
  /** Times a prompt was shown (the journey ask budget counts these). */
  shown: number[];
  /** Time a touchpoint's prompt was last answered or dismissed, by key. */
  done: Record<string, number>;
}

export function mayAsk(
  prompt: Prompt | null | undefined,
  key: string,
  log: AskLog,
  budget: AskBudget,
  now: number,
  random = Math.random(),
): prompt is Prompt {
  if (!prompt?.enabled) return false;
  if ((log.done[key] ?? 0) > now - prompt.recontactDays * DAY) return false;
  if (log.shown.filter((t) => t > now - budget.periodDays * DAY).length >= budget.prompts) return false;
  return random < prompt.sampling;
}

/** Records a showing, forgetting ones older than a year. */
export function noteShown(log: AskLog, now: number): AskLog {
  return { shown: [...log.shown.filter((t) => t > now - 365 * DAY), now], done: log.done };
}
