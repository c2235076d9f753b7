// A checked wire event as the site object stores it: with its visitor, its touchpoint's channel, the request's
// country and a context from bounded sets (journey/segments.ts).
import type { TrackedEvent } from '@throughline/schema';
import { contextOf } from '../journey/segments';
import type { IncomingEvent } from '../store/event-rows';

export function incomingOf(
  e: TrackedEvent,
  visitor: string,
  channel: string,
  country: string | null,
  source: IncomingEvent['source'],
): IncomingEvent {
  return {
    id: e.id,
    visitor,
    kind: e.type,
    at: new Date(e.at).toISOString(),
    touchpoint: e.touchpoint,
    channel,
    from: e.from ?? null,
    context: contextOf(e.context, country),
    path: e.context?.path ?? null,
    scores: e.type === 'answer' ? e.answers : null,
    comment: e.type === 'answer' ? (e.comment ?? null) : null,
    source,
    ...(e.type === 'prompt' ? { outcome: e.outcome } : {}),
  };
}
