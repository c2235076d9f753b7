// Delivers the outbox to POST /v1/events: one tab at a time (Web Locks or a lease), jittered exponential
// backoff honouring Retry-After, and a sendBeacon flush on page hide. Never throws.
import type { IngestRequest } from '@throughline/schema';
import { readOutbox, settle, takeBatch } from './queue';
import { get, set, del, json } from './storage';

/** The sendBeacon / keepalive budget (schema MAX_BODY_BYTES), less a margin. */
const MAX_BYTES = 65_000;

export interface Transport {
  /** Sends the outbox (events are queued by the caller with `enqueue`). */
  flush(): void;
  /** Sends what is queued by beacon; the page is going away. */
  beacon(): void;
}

export function transport(endpoint: string, site: string, visitor: () => string, ns: string): Transport {
  const url = endpoint + '/v1/events';
  const box = ns + 'q';
  const until = ns + 'b';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;

  const later = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(flush, ms);
  };

  const body = (events: IngestRequest['events'], dropped: number) =>
    json({ site, visitor: visitor(), events, dropped: dropped || undefined } satisfies IngestRequest);

  async function send(): Promise<void> {
    for (;;) {
      const out = readOutbox(box);
      const batch = takeBatch(out, MAX_BYTES);
      if (!batch.length) return;
      let res: Response | undefined;
      try {
        res = await fetch(url, { method: 'POST', body: body(batch, out.d), keepalive: true, credentials: 'omit' });
      } catch {
        /* offline: retried below */
      }
      const s = res?.status ?? 0;
      if (s && s < 500 && s !== 429 && (s < 300 || s >= 400)) {
        // Accepted, or refused for good (4xx): either way never resent.
        settle(box, batch.map((e) => e.id), out.d);
        attempt = 0;
        continue;
      }
      const wait = Math.max(Math.min(3e5, 1e3 * 2 ** attempt++) * (0.5 + Math.random() / 2), +(res?.headers.get('retry-after') ?? 0) * 1e3 || 0);
      set(until, Date.now() + wait);
      return later(wait);
    }
  }

  function flush(): void {
    const wait = (get<number>(until) ?? 0) - Date.now();
    if (wait > 0) return later(wait);
    const locks = navigator.locks;
    if (locks) {
      // Another tab holding the lock is sending; look again shortly for what it did not take.
      locks.request(ns + 'lock', { ifAvailable: true }, (lock) => (lock ? send() : later(3e3))).catch(() => {});
      return;
    }
    const lease = ns + 'lease';
    if ((get<number>(lease) ?? 0) > Date.now()) return later(3e3);
    set(lease, Date.now() + 3e4);
    send().finally(() => del(lease)).catch(() => {});
  }

  function beacon(): void {
    const out = readOutbox(box);
    const batch = takeBatch(out, MAX_BYTES);
    if (!batch.length) return;
    // Events stay queued: if the beacon is lost they go with the next page, and the worker stores each id once.
    const b = body(batch, out.d);
    try {
      if (!navigator.sendBeacon?.(url, b)) fetch(url, { method: 'POST', body: b, keepalive: true, credentials: 'omit' }).catch(() => {});
    } catch {
      /* page is leaving */
    }
  }

  return { flush, beacon };
}
