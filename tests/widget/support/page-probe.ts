// What a host page can observe of the widget: its globals, the computed styles of its own elements, its errors;
// the prompt itself is answered through tests/support/prompt.ts.
import type { Browser, Page, Request } from 'playwright-core';
import { collectPageErrors } from '../../support/browser';

/** The host's own elements whose computed styles must not change. */
const HOST_ELEMENTS = ['html', 'body', 'h1', 'p', 'a', 'button'];

/** Window's own property names (the global footprint). */
export const globals = (page: Page) => page.evaluate(() => Object.getOwnPropertyNames(window).sort());

/** Every computed style property of the host elements, by selector. */
export const hostStyles = (page: Page) =>
  page.evaluate((sels) => {
    const out: Record<string, Record<string, string>> = {};
    for (const sel of sels) {
      const el = document.querySelector(sel);
      if (!el) continue;
      const cs = getComputedStyle(el);
      out[sel] = Object.fromEntries(Array.from(cs, (p) => [p, cs.getPropertyValue(p)]));
    }
    return out;
  }, HOST_ELEMENTS);

/** A new context and page whose errors are collected, and whose POSTs to /v1/events are recorded. */
export async function openPage(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  return { context, page, errors: collectPageErrors(page), posts: recordEvents(page) };
}

export interface PostedEvent {
  id: string;
  type: 'visit' | 'answer' | 'prompt';
  touchpoint: string;
  /** Of a prompt event: shown, dismissed or answered. */
  outcome?: string;
  from?: string;
  answers?: Record<string, number>;
}

/** Events the page sent to the worker (fetch, keepalive or beacon), in order. */
function recordEvents(page: Page): PostedEvent[] {
  const out: PostedEvent[] = [];
  page.on('request', (r: Request) => {
    if (r.method() !== 'POST' || !r.url().endsWith('/v1/events')) return;
    try {
      out.push(...(JSON.parse(r.postData() ?? '{}').events ?? []));
    } catch {
      /* not ours to judge here */
    }
  });
  return out;
}
