// npm ESM entry: the same SDK as the script tag, as typed calls for single-page apps.
import { type Command, type SdkOptions, start } from './sdk';

/** Options of {@link init}. */
export interface InitOptions {
  /**
   * The site key shown in the dashboard's Install tab (the script tag's `data-site`). Required; no default.
   * @example 'tl_4f9c2a7b1e'
   */
  site: string;
  /**
   * Origin of your Throughline server, where `/v1/sites/{site}/config` and `/v1/events` live. Required; no default
   * (a trailing slash is ignored).
   * @example 'https://throughline.example.com'
   */
  endpoint: string;
  /**
   * Touchpoint key of every page, overriding the URL rules of the config. Default: resolved from the URL rules;
   * set per route with {@link touchpoint}.
   * @example 'checkout'
   */
  touchpoint?: string;
  /**
   * Locale of the prompt's text (built in: en, de, fr, es, nl, ja, ar; Arabic lays out right to left).
   * Default: `<html lang>`, else `navigator.language`, else English.
   * @example 'de-CH'
   */
  locale?: string;
  /**
   * Render the prompt inside this element (or the first match of this selector) instead of as a corner card.
   * Default: a corner card at the inline end of the viewport.
   * @example '#feedback'
   */
  inline?: Element | string;
  /**
   * CSP nonce for the fallback `<style>` in browsers without constructable stylesheets. Default: none (not needed
   * where constructable stylesheets exist, as in every current browser).
   * @example document.querySelector('script[nonce]')?.nonce
   */
  nonce?: string;
}

let run: ((...c: Command) => void) | undefined;
const early: Command[] = [];
/**
 * Runs `fn` outside any host zone (zone.js, as Angular uses): timers and listeners the SDK sets up then never keep
 * the app's zone busy or trigger its change detection, wherever `init` or a call is made.
 */
const outside = <T>(fn: () => T): T => {
  const root = (globalThis as { Zone?: { root?: { run<R>(f: () => R): R } } }).Zone?.root;
  return root ? root.run(fn) : fn();
};
const call = (...c: Command) => outside(() => (run ? run(...c) : void early.push(c)));

/**
 * Starts Throughline once: loads the site's config, records a visit to the current touchpoint and shows a
 * prompt when one is due. Later calls are ignored. Calls made before `init` are queued and replayed.
 * @example
 * import { init } from '@throughline/widget';
 * init({ site: 'demo', endpoint: 'https://throughline.example.com' });
 */
export function init(options: InitOptions): void {
  if (run || typeof window === 'undefined') return;
  try {
    run = outside(() =>
      start(
        {
          ...options,
          endpoint: options.endpoint.replace(/\/+$/, ''),
          load: ((name: string) =>
            name == 'prompt'
              ? import('./prompt/show').then((m) => m.show)
              : import('./prompt/locales').then((m) => m.LOCALES[name])) as SdkOptions['load'],
        },
        early,
      ),
    );
  } catch {
    /* never break the host app */
  }
}

/**
 * Names the touchpoint of the current route (until the URL changes); records a visit when it differs from the last one.
 * Default: the touchpoint is resolved from the config's URL rules.
 * @example
 * router.afterEach((to) => touchpoint(to.meta.touchpoint));
 */
export function touchpoint(key: string): void {
  call('touchpoint', key);
}

/**
 * Grants or withdraws consent. `false` stops all recording, closes any prompt and clears the stored visitor id
 * and queue; the choice is remembered. Default: granted unless Do Not Track or Global Privacy Control is on.
 * @example
 * consent(false);
 */
export function consent(granted: boolean): void {
  call('consent', granted);
}

/**
 * Fires a custom event: a prompt whose trigger is `{ type: 'event', name }` appears when it is due.
 * Events are not recorded or sent; an event no prompt waits for does nothing.
 * @example
 * event('order-complete');
 */
export function event(name: string): void {
  call('event', name);
}

/**
 * Shows the current touchpoint's prompt now, regardless of its trigger, sampling and the ask budget
 * (consent still applies). Default: prompts appear only when due.
 * @example
 * show();
 */
export function show(): void {
  call('show');
}

/**
 * Changes the locale of prompts shown from now on. Default: the `locale` option of {@link init}, else `<html lang>`,
 * else `navigator.language`, else English.
 * @example
 * locale('fr');
 */
export function locale(tag: string): void {
  call('locale', tag);
}
