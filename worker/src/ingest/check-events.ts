// Checks each event of a batch on its own, so one bad event is rejected with its reason and the rest go on.
import { EventSchema, MAX_EVENT_AGE_DAYS, type TrackedEvent } from '@throughline/schema';
import { describeIssues } from '../errors';

export interface Rejected {
  index: number;
  id?: string;
  reason: string;
}

/** Clock skew we tolerate for events stamped slightly in the future. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export interface CheckOptions {
  touchpoints: Map<string, string>;
  now: number;
  /** Import accepts any past time; ingest only the last MAX_EVENT_AGE_DAYS. */
  maxAgeDays: number | null;
  /**
   * The site's `sendQuery` setting: when false, a visit's path keeps no query string or fragment, whatever an old
   * or hand-made sender put there (they may hold an email address). Import leaves it out: it keeps what the team sends.
   */
  sendQuery?: boolean;
}

export function checkEvents(raw: unknown[], opts: CheckOptions): { valid: TrackedEvent[]; rejected: Rejected[] } {
  const valid: TrackedEvent[] = [];
  const rejected: Rejected[] = [];
  raw.forEach((item, index) => {
    const parsed = EventSchema.safeParse(item);
    const id =
      typeof (item as { id?: unknown })?.id === 'string' ? String((item as { id: string }).id).slice(0, 64) : undefined;
    if (!parsed.success) {
      const first = describeIssues(parsed.error)[0];
      rejected.push({ index, id, reason: first ? `${first.path || 'event'}: ${first.message}` : 'invalid event' });
      return;
    }
    const e = parsed.data;
    const reason = problem(e, opts);
    if (reason) rejected.push({ index, id: e.id, reason });
    // an id repeated within the batch stays: storage counts it as a duplicate, as it would across batches
    else {
      const kept = e.from && !opts.touchpoints.has(e.from) ? { ...e, from: undefined } : e;
      valid.push(opts.sendQuery === false ? withoutQuery(kept) : kept);
    }
  });
  return { valid, rejected };
}

function problem(e: TrackedEvent, opts: CheckOptions): string | null {
  if (!opts.touchpoints.has(e.touchpoint)) return `touchpoint: unknown touchpoint "${e.touchpoint}"`;
  const at = Date.parse(e.at);
  if (at > opts.now + FUTURE_TOLERANCE_MS) return 'at: time is in the future';
  if (opts.maxAgeDays !== null && at < opts.now - opts.maxAgeDays * 86_400_000) {
    return `at: older than ${MAX_EVENT_AGE_DAYS} days; send old answers through the import API`;
  }
  if (e.type === 'answer' && e.answers.handoff !== undefined && !e.from)
    return 'answers.handoff: a handoff answer needs `from`';
  return null;
}

/** The event with its context path cut at the first `?` or `#`. */
function withoutQuery(e: TrackedEvent): TrackedEvent {
  const path = e.context?.path;
  if (!path || !/[?#]/.test(path)) return e;
  return { ...e, context: { ...e.context, path: path.replace(/[?#].*$/s, '') } };
}
