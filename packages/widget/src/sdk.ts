// The SDK engine shared by the script-tag loader (as the core chunk) and the npm entry: config, touchpoint, visits,
// asking, consent, delivery. The loader stays tiny by fetching this as an immutable chunk next to the config.
import type { SiteConfig, TrackedEvent } from '@throughline/schema';
import type { Asking, ShowPrompt } from './prompt/types';
import { type AskLog, mayAsk, noteShown } from './ask-policy';
import { arrival, device, pagePath } from './context';
import { JOURNEY_LINK_PARAM } from '@throughline/schema/constants';
import { decorate } from './partners';
import { get, set, del } from './storage';
import { matchTouchpoint } from './touchpoint-match';
import { transport } from './transport';

const DAY = 864e5;
/** A journey's visits hang together within this window (docs/metrics.md › The model, "Journey"). */
const JOURNEY_DAYS = 30;

/** The lazily loaded parts, by name: `prompt` (triggers, card, prompt events), or a locale pack such as `de`. */
interface Chunks {
  prompt: ShowPrompt;
  [lang: string]: unknown;
}

export interface SdkOptions {
  site: string;
  /** Origin of the Throughline worker, e.g. `https://throughline.example`. */
  endpoint: string;
  touchpoint?: string | undefined;
  locale?: string | undefined;
  inline?: Element | string | null | undefined;
  nonce?: string | undefined;
  load<N extends string>(name: N): Promise<Chunks[N]>;
  /** The config response, when the caller started fetching it early (the loader does). */
  config?: Promise<Response> | undefined;
}

/** A command as queued by `throughline(name, ...args)`. */
export type Command = [name: string, ...args: unknown[]];

const uuid = (): string =>
  crypto.randomUUID?.() ??
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
    (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+c / 4)))).toString(16),
  );

/** This tab's value of `key` in sessionStorage, or sets it (an empty value removes it); never throws. */
function tab(key: string, value?: string): string | undefined {
  try {
    if (value == null) return sessionStorage.getItem(key) ?? undefined;
    value ? sessionStorage.setItem(key, value) : sessionStorage.removeItem(key);
  } catch {
    /* kept in memory only */
  }
  return value || undefined;
}

/** Runs `fn`, keeping its errors from the host page. */
const guard =
  <A extends unknown[]>(fn: (...a: A) => unknown) =>
  (...a: A) => {
    try {
      fn(...a);
    } catch {
      /* the host page never sees our errors */
    }
  };

/** Starts the SDK after running the commands queued before it loaded; returns its command handler. */
export function start(o: SdkOptions, queued: ArrayLike<Command> = []): (...cmd: Command) => void {
  const ns = `tl:${o.site}:`;
  const [V, J, A, C, L] = ['v', 'j', 'a', 'c', 'l'].map((k) => ns + k) as [string, string, string, string, string];
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  const dnt = nav.doNotTrack == '1' || !!nav.globalPrivacyControl;
  const events = new Set<(name: string) => void>();
  let consent = get(C) !== 0;
  let config: SiteConfig | undefined;
  let explicit: string | undefined;
  let current: string | undefined;
  let href = '';
  /** Disarms the current touchpoint's prompt and removes its card. */
  let stop = () => {};
  let booted = false;
  let handedOver = false;
  let visitor = get<string>(V);
  /** The signed journey link this tab arrived with (the worker decides if it holds), and our own for partners. */
  let link = tab(L);
  let handover: { link: string; at: number } | undefined;
  const off = () => dnt || !consent;
  const lang = () => o.locale || document.documentElement.lang || navigator.language || 'en';

  const tx = transport(o.endpoint, o.site, () => visitor!, ns);

  const push = (e: TrackedEvent) => tx.push(e);

  function visit(key: string, first: boolean): string | undefined {
    const now = Date.now();
    const j = get<{ t: string; f?: string; at: number }>(J);
    // `from` is the previous touchpoint; a reload of the same one keeps the one before it.
    const from = j && j.at > now - JOURNEY_DAYS * DAY ? (j.t == key ? j.f : j.t) : undefined;
    set(J, { t: key, f: from, at: now });
    const url = new URL(location.href);
    // Returning: this visitor id existed before the session's first page (judged per page where the tab keeps nothing).
    const returning = (tab(ns + 'r') ?? tab(ns + 'r', visitor ? '1' : '0')) == '1';
    if (!visitor) {
      // Straight from the random bytes: a page may have replaced Array.from (Prototype, MooTools).
      visitor = '';
      for (const b of crypto.getRandomValues(new Uint8Array(21))) visitor += (b % 36).toString(36);
      set(V, visitor);
    }
    const context = {
      device: device(),
      locale: lang(),
      channel: !first ? ('internal' as const) : handedOver ? ('partner' as const) : arrival(url, document.referrer),
      returning,
      path: pagePath(url, config!.sendQuery),
    };
    push({
      id: uuid(),
      type: 'visit',
      touchpoint: key,
      at: new Date(now).toISOString(),
      from,
      context,
      ...(link && { link }),
    });
    return from;
  }

  function ask(key: string, from: string | undefined, force?: boolean): void {
    const { touchpoints, budget } = config!;
    const p = touchpoints.find((t) => t.key == key)!.prompt;
    const log = () => get<AskLog>(A) ?? { shown: [], done: {} };
    if (!p || (!force && !mayAsk(p, key, log(), budget, Date.now()))) return;
    const live = () => current == key && !off();
    const asking: Asking = {
      config: config!,
      key,
      prompt: p,
      force,
      events,
      from,
      // Where the showing cannot be remembered (storage blocked or full), only an explicit `show` asks.
      begin: () => live() && (set(A, noteShown(log(), Date.now())) || !!force),
      live,
      locale: lang,
      load: o.load,
      done: guard(() => {
        const l = log();
        l.done[key] = Date.now();
        set(A, l);
      }),
      // Called from the prompt's event handlers: guarded, so that nothing of ours reaches the page.
      emit: guard(
        (e: Parameters<Asking['emit']>[0]) =>
          off() ||
          push({
            id: uuid(),
            touchpoint: key,
            at: new Date().toISOString(),
            ...e,
            ...(link && { link }),
          } as TrackedEvent),
      ),
      inline: o.inline,
      nonce: o.nonce,
    };
    stop();
    let on = true;
    stop = () => (on = false);
    const go = () =>
      o.load('prompt').then(
        (show) => on && (stop = show(asking)),
        () => {},
      );
    // An immediate prompt (or `show`) loads its chunk now; any other while the page is idle, so that when its trigger
    // fires only the rendering is left. Pages where no prompt may ask never load it.
    force || p.trigger.type == 'immediate' ? go() : (window.requestIdleCallback ?? setTimeout)(go);
  }

  /** Follows the page: resolves its touchpoint and records a visit when it changes. */
  function route(force?: boolean): void {
    if (!config || off()) return;
    const key = explicit ?? o.touchpoint ?? matchTouchpoint(config.touchpoints, new URL(location.href));
    const known = config.touchpoints.some((t) => t.key == key);
    const changed = key != current;
    const first = !href;
    href = location.href;
    if (changed) {
      stop();
      current = key;
    }
    if (known && (changed || force)) ask(key!, changed ? visit(key!, first) : get<{ f?: string }>(J)?.f, force);
  }

  function boot(): void {
    if (booted || off()) return;
    booted = true;
    const url = new URL(location.href);
    const handed = url.searchParams.get(JOURNEY_LINK_PARAM);
    if (handed != null) {
      // Arrived by a journey link (a partner, an email, a QR code): this tab's visits carry it, and the worker joins
      // them to that journey only if its signature holds. It never replaces the visitor's own id, and it is kept out
      // of the address bar (and so out of links copied from it).
      handedOver = arrival(url, document.referrer) == 'partner';
      url.searchParams.delete(JOURNEY_LINK_PARAM);
      history.replaceState(history.state, '', url.href);
      if (/^[\w-]{8,64}\.[0-9a-z]{1,10}\.[\w-]{43}$/.test(handed)) tab(L, (link = handed));
    }
    (o.config ?? fetch(`${o.endpoint}/v1/sites/${o.site}/config`, { credentials: 'omit' }))
      .then((r) => r.json())
      .then((c: SiteConfig) => {
        config = c;
        route();
        tx.flush();
        // A partner link carries a journey link signed by the worker: ours (for an hour), or the one this tab came with.
        if (c.partners.length && visitor && !link)
          fetch(`${o.endpoint}/v1/sites/${o.site}/journey-link?visitor=${visitor}`, { credentials: 'omit' })
            .then((r) => r.json())
            .then((r: { link: string }) => (handover = { link: r.link, at: Date.now() }))
            .catch(() => {});
      })
      .catch(() => {});
  }

  const onRoute = guard(() => {
    if (!href || location.href == href) return;
    explicit = undefined;
    route();
  });
  // Route changes: the Navigation API tells of every one (pushState included) with no timer at idle, which keeps
  // zone-based frameworks (Angular) stable; a task later, so that a router's own `touchpoint` call comes first.
  // Elsewhere the address is polled.
  const navigation = (window as { navigation?: EventTarget }).navigation;
  if (navigation) navigation.addEventListener('currententrychange', () => setTimeout(onRoute));
  else addEventListener('popstate', onRoute), addEventListener('hashchange', onRoute), setInterval(onRoute, 1e3);
  const hide = guard(() => off() || tx.beacon());
  addEventListener('pagehide', hide);
  document.addEventListener('visibilitychange', () => document.hidden && hide());
  document.addEventListener(
    'click',
    guard((e: Event) => {
      const a = (e.target as Element).closest?.('a[href]');
      const j = link ?? (handover && handover.at > Date.now() - 50 * 6e4 ? handover.link : undefined);
      if (a && config && j && !off()) decorate(a as HTMLAnchorElement, config.partners, j);
      setTimeout(onRoute, 99);
    }),
    true,
  );

  const commands: Record<string, (arg: unknown) => void> = {
    touchpoint(key) {
      explicit = String(key);
      route();
    },
    consent(on) {
      consent = on !== false;
      if (consent) {
        del(C);
        return booted ? route() : boot();
      }
      stop();
      set(C, 0);
      for (const k of [V, J, A, ns + 'b']) del(k);
      tab(L, '');
      tx.clear();
      visitor = current = link = handover = undefined;
    },
    event(name) {
      for (const fn of [...events]) fn(String(name));
    },
    show() {
      route(true);
    },
    locale(l) {
      o.locale = String(l);
    },
  };

  const run = guard((name: string, arg?: unknown) => commands[name]?.(arg));
  for (const c of Array.from(queued)) run(...(c as [string, unknown]));
  boot();
  return run as (...cmd: Command) => void;
}
