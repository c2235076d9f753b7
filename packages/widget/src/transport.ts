// Delivers queued events to POST /v1/events. Each tab queues into its own outbox (localStorage writes of two tabs
// never race on one key) and holds a Web Lock named for it while alive; the sending tab also delivers the outboxes
// of tabs that are gone (closed, reloaded). One tab sends at a time (Web Locks or a lease), with jittered
// exponential backoff honouring Retry-After, and a sendBeacon flush on page hide. Never throws.
import type { IngestRequest, TrackedEvent } from '@throughline/schema';
import { enqueue, readOutbox, settle, takeBatch } from './queue';
import { get, set, del, json, keys } from './storage';

/** The sendBeacon / keepalive budget (schema MAX_BODY_BYTES), less a margin. */
const MAX_BYTES = 65_000;
/** Without Web Locks, an outbox untouched this long is taken for a gone tab's (a live one's is only resent: stored once). */
const STALE_MS = 6e4;

export interface Transport {
  /** Queues an event in this tab's outbox and sends. */
  push(event: TrackedEvent): void;
  /** Sends this tab's outbox and those left by gone tabs. */
  flush(): void;
  /** Sends this tab's outbox by beacon; the page is going away. */
  beacon(): void;
  /** Forgets every queued event of the site (consent withdrawn). */
  clear(): void;
}

export function transport(endpoint: string, site: string, visitor: () => string, ns: string): Transport {
  const url = endpoint + '/v1/events';
  const prefix = ns + 'q';
  const mine = prefix + '.' + Math.random().toString(36).slice(2, 10);
  const until = ns + 'b';
  let locks: LockManager | undefined = navigator.locks;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  /** Ids this document has handed to the network (a fetch in flight, or a beacon): page hide sends only the rest. */
  const sent = new Set<string>();
  // Held until this document goes away: its outbox is then free for any tab to deliver. Where Web Locks throw (a
  // sandboxed frame, an opaque origin), the lease below takes over.
  locks?.request(mine, () => new Promise(() => {})).catch(() => (locks = undefined));

  const later = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(flush, ms);
  };

  const body = (events: IngestRequest['events'], dropped: number) =>
    json({ site, visitor: visitor(), events, dropped: dropped || undefined } satisfies IngestRequest);

  /** This tab's outbox, then those whose tab is gone. */
  async function boxes(): Promise<string[]> {
    const held = new Set((await locks?.query())?.held?.map((l) => l.name));
    const gone = (k: string) => (locks ? !held.has(k) : (get<{ at?: number }>(k)?.at ?? 0) < Date.now() - STALE_MS);
    return [mine, ...keys(prefix).filter((k) => k != mine && gone(k))];
  }

  async function send(): Promise<void> {
    for (const box of await boxes())
      for (;;) {
        const out = readOutbox(box);
        const batch = takeBatch(out, MAX_BYTES);
        if (!batch.length) break;
        let res: Response | undefined;
        for (const e of batch) sent.add(e.id);
        try {
          res = await fetch(url, { method: 'POST', body: body(batch, out.d), keepalive: true, credentials: 'omit' });
        } catch {
          /* offline: retried below */
        }
        const s = res?.status ?? 0;
        if (s && s < 500 && s !== 429 && (s < 300 || s >= 400)) {
          // Accepted, or refused for good (4xx): either way never resent.
          settle(
            box,
            batch.map((e) => e.id),
            out.d,
          );
          attempt = 0;
          continue;
        }
        // Refused for now: a beacon at page hide may try again. A fetch that failed without reply is left alone: the
        // page being left rejects it while the browser still delivers it (keepalive); the next page sends the rest.
        if (res) for (const e of batch) sent.delete(e.id);
        const wait = Math.max(
          Math.min(3e5, 1e3 * 2 ** attempt++) * (0.5 + Math.random() / 2),
          +(res?.headers.get('retry-after') ?? 0) * 1e3 || 0,
        );
        set(until, Date.now() + wait);
        return later(wait);
      }
  }

  function flush(): void {
    const wait = (get<number>(until) ?? 0) - Date.now();
    if (wait > 0) return later(wait);
    if (locks) {
      // Another tab holding the lock is sending; look again shortly for what it did not take.
      locks
        .request(ns + 'lock', { ifAvailable: true }, (lock) => (lock ? send() : later(3e3)))
        .catch(() => ((locks = undefined), flush()));
      return;
    }
    const lease = ns + 'lease';
    if ((get<number>(lease) ?? 0) > Date.now()) return later(3e3);
    set(lease, Date.now() + 3e4);
    send()
      .finally(() => del(lease))
      .catch(() => {});
  }

  function beacon(): void {
    const out = readOutbox(mine);
    // What a keepalive fetch or an earlier beacon of this page carries is not sent again (pagehide and
    // visibilitychange both come when a page is left).
    const batch = takeBatch({ ...out, q: out.q.filter((e) => !sent.has(e.id)) }, MAX_BYTES);
    if (!batch.length) return;
    for (const e of batch) sent.add(e.id);
    // Events stay queued: if the beacon is lost they go with the next page, and the worker stores each id once.
    const b = body(batch, out.d);
    try {
      if (!navigator.sendBeacon?.(url, b))
        fetch(url, { method: 'POST', body: b, keepalive: true, credentials: 'omit' }).catch(() => {});
    } catch {
      /* page is leaving */
    }
  }

  return {
    push(event) {
      enqueue(mine, event);
      flush();
    },
    flush,
    beacon,
    clear() {
      for (const k of keys(prefix)) del(k);
    },
  };
}
