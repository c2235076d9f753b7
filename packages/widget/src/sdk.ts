// The SDK engine shared by the script-tag loader and the npm entry: config, touchpoint, visits, asking, consent.
import type { Answers, ConfigTouchpoint, SiteConfig } from '@throughline/schema';
import type { MountPrompt } from './prompt/types';
import { type AskLog, mayAsk, noteShown } from './ask-policy';
import { arrival, device, pagePath } from './context';
import { adoptJourney, decorate } from './partners';
import { get, set, del } from './storage';
import { matchTouchpoint } from './touchpoint-match';
import { transport } from './transport';
import { arm } from './triggers';

const DAY = 864e5;
/** A journey's visits hang together within this window (DESIGN.md "Visit"). */
const JOURNEY_DAYS = 30;

export interface SdkOptions {
  site: string;
  /** Origin of the Throughline worker, e.g. `https://throughline.example`. */
  endpoint: string;
  touchpoint?: string | undefined;
  locale?: string | undefined;
  inline?: Element | string | null | undefined;
  nonce?: string | undefined;
  loadPrompt: () => Promise<MountPrompt>;
}

/** A command as queued by `throughline(name, ...args)`. */
export type Command = [name: string, ...args: unknown[]];

const uuid = (): string =>
  crypto.randomUUID?.() ??
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) => (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+c / 4)))).toString(16));

const randomId = () => Array.from(crypto.getRandomValues(new Uint8Array(21)), (b) => (b % 36).toString(36)).join('');

/** Starts the SDK after running the commands queued before it loaded; returns its command handler. */
export function start(o: SdkOptions, queued: ArrayLike<Command> = []): (...cmd: Command) => void {
  const ns = `tl:${o.site}:`;
  const K = { visitor: ns + 'v', journey: ns + 'j', asks: ns + 'a', optout: ns + 'c', returning: ns + 'r' };
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  const dnt = nav.doNotTrack === '1' || !!nav.globalPrivacyControl;
  const events = new Set<(name: string) => void>();
  let consent = get(K.optout) !== 0;
  let config: SiteConfig | undefined;
  let explicit: string | undefined;
  let current: string | undefined;
  let href = '';
  let disarm = () => {};
  let unmount = () => {};
  let shown = false;
  let booted = false;
  const off = () => dnt || !consent;

  let visitor = get<string>(K.visitor);
  const t = transport(o.endpoint, o.site, () => visitor ?? '', ns);

  function ensureVisitor(): string {
    if (!visitor) set(K.visitor, (visitor = randomId()));
    return visitor;
  }

  /** The visitor's journey so far: the last touchpoint and the one before it. */
  function visit(key: string, first: boolean): string | undefined {
    const now = Date.now();
    const j = get<{ t: string; f?: string; at: number }>(K.journey);
    const from = j && j.at > now - JOURNEY_DAYS * DAY ? (j.t === key ? j.f : j.t) : undefined;
    set(K.journey, { t: key, f: from, at: now });
    const url = new URL(location.href);
    // Returning: this visitor id existed before the session's first page.
    let returning = !!visitor;
    try {
      const s = sessionStorage.getItem(K.returning);
      if (s) returning = s === '1';
      else sessionStorage.setItem(K.returning, returning ? '1' : '0');
    } catch {
      /* no session storage: judged per page */
    }
    ensureVisitor();
    t.push({
      id: uuid(),
      type: 'visit',
      touchpoint: key,
      at: new Date(now).toISOString(),
      from,
      context: {
        device: device(),
        locale: o.locale || document.documentElement.lang || navigator.language || undefined,
        channel: first ? arrival(url, document.referrer) : 'internal',
        returning,
        path: pagePath(url, config!.sendQuery),
      },
    });
    return from;
  }

  function ask(tp: ConfigTouchpoint, from: string | undefined, force?: boolean): void {
    const log = get<AskLog>(K.asks) ?? { shown: [], done: {} };
    const now = Date.now();
    const p = tp.prompt;
    if (force ? !p : shown || !mayAsk(p, tp.key, log, config!.budget, now)) return;
    disarm = arm(force ? { type: 'immediate' } : p!.trigger, () => {
      if (off() || current !== tp.key) return;
      shown = true;
      set(K.asks, noteShown(get<AskLog>(K.asks) ?? log, Date.now()));
      const done = () => {
        const l = get<AskLog>(K.asks) ?? log;
        l.done[tp.key] = Date.now();
        set(K.asks, l);
      };
      const fromTp = config!.touchpoints.find((x) => x.key === from);
      const dims = [...p!.dimensions];
      if (fromTp && !dims.includes('handoff')) dims.push('handoff');
      o.loadPrompt()
        .then((mount) => {
          if (current !== tp.key || off()) return;
          unmount();
          unmount = mount({
            dimensions: dims,
            prompt: p!,
            theme: config!.theme,
            locale: o.locale || document.documentElement.lang || navigator.language || 'en',
            fromName: fromTp?.name,
            inline: typeof o.inline === 'string' ? document.querySelector(o.inline) : o.inline,
            nonce: o.nonce,
            onAnswer(answers: Answers, comment?: string) {
              done();
              if (off()) return;
              t.push({ id: uuid(), type: 'answer', touchpoint: tp.key, at: new Date().toISOString(), from, answers, comment: comment || undefined });
            },
            onDismiss: done,
          });
        })
        .catch(() => {});
    }, events);
  }

  /** Follows the page: resolves its touchpoint and records a visit when it changes. */
  function route(force?: boolean): void {
    if (!config || off()) return;
    const url = new URL(location.href);
    const key = explicit ?? o.touchpoint ?? matchTouchpoint(config.touchpoints, url);
    const tp = config.touchpoints.find((x) => x.key === key);
    const changed = key !== current;
    const first = !href;
    href = location.href;
    if (!changed && !force) return;
    if (changed) {
      disarm();
      unmount();
      unmount = () => {};
      current = key;
    }
    if (!tp) return;
    const from = changed ? visit(tp.key, first) : get<{ f?: string }>(K.journey)?.f;
    ask(tp, from, force);
  }

  function boot(): void {
    if (booted || off()) return;
    booted = true;
    const handed = adoptJourney();
    if (handed) set(K.visitor, (visitor = handed));
    fetch(`${o.endpoint}/v1/sites/${encodeURIComponent(o.site)}/config`, { credentials: 'omit' })
      .then((r) => (r.ok ? r.json() : undefined))
      .then((c: SiteConfig | undefined) => {
        config = c;
        route();
        t.flush();
      })
      .catch(() => {});
  }

  const guard =
    <A extends unknown[]>(fn: (...a: A) => unknown) =>
    (...a: A) => {
      try {
        fn(...a);
      } catch {
        /* the host page never sees our errors */
      }
    };

  const onRoute = guard(() => {
    if (!href || location.href === href) return;
    explicit = undefined;
    route();
  });
  addEventListener('popstate', onRoute);
  addEventListener('hashchange', onRoute);
  setInterval(onRoute, 1e3);
  const hide = guard(() => !off() && t.beacon());
  addEventListener('pagehide', hide);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && hide());
  document.addEventListener(
    'click',
    guard((e: Event) => {
      const a = (e.target as Element | null)?.closest?.('a[href]');
      if (a && config?.partners.length && !off() && visitor) decorate(a as HTMLAnchorElement, config.partners, visitor);
      setTimeout(onRoute, 100);
    }),
    true,
  );

  const commands: Record<string, (...a: unknown[]) => void> = {
    touchpoint(key) {
      explicit = String(key);
      route();
    },
    consent(on) {
      consent = on !== false;
      if (consent) {
        del(K.optout);
        return booted ? route() : boot();
      }
      disarm();
      unmount();
      set(K.optout, 0);
      for (const k of [K.visitor, K.journey, K.asks, ns + 'q', ns + 'b']) del(k);
      visitor = undefined;
      current = undefined;
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

  const run = guard((name: string, ...args: unknown[]) => commands[name]?.(...args));
  for (const c of Array.from(queued)) run(...c);
  boot();
  return run;
}
