// The outbox: events kept in localStorage per site until the worker has them; bounded, oldest dropped first.
import type { TrackedEvent } from '@throughline/schema';
import { get, set, del, json } from './storage';

/**
 * At most this many events wait; beyond it the oldest go and are reported as `dropped`.
 * @public exported only because the npm bundle is about 60 B smaller that way (tests/size/check-size.mjs)
 */
export const MAX_QUEUE = 200;

export interface Outbox {
  q: TrackedEvent[];
  /** Events dropped from a full queue since the last accepted batch. */
  d: number;
  /** When an event was last queued (tells a gone tab's outbox where Web Locks are missing). */
  at?: number;
}

export const readOutbox = (key: string): Outbox => get<Outbox>(key) ?? { q: [], d: 0 };

export function enqueue(key: string, event: TrackedEvent, max = MAX_QUEUE): void {
  const box = readOutbox(key);
  box.q.push(event);
  box.at = Date.now();
  const over = box.q.length - max;
  if (over > 0) {
    box.q.splice(0, over);
    box.d += over;
  }
  set(key, box);
}

/** Removes delivered (or refused) events by id, and the dropped count that went with them. */
export function settle(key: string, ids: string[], dropped: number): void {
  const box = readOutbox(key);
  box.q = box.q.filter((e) => !ids.includes(e.id));
  box.d = Math.max(0, box.d - dropped);
  if (box.q.length || box.d) set(key, box);
  else del(key);
}

/** The oldest events whose JSON fits in `maxBytes` (at least one). */
export function takeBatch(box: Outbox, maxBytes: number, maxEvents = 500): TrackedEvent[] {
  const out: TrackedEvent[] = [];
  let bytes = 300;
  for (const e of box.q) {
    bytes += new Blob([json(e)]).size + 1;
    if (out.length >= maxEvents || (bytes > maxBytes && out.length)) break;
    out.push(e);
  }
  return out;
}
