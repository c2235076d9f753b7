// The widget in real Chromium against the local worker, on a page at the worker's own origin: the script tag records
// a visit, shows the prompt in a shadow root under a strict CSP, sends the answer; consent withdrawn records nothing.
// (Delivery through failures: tests/widget/delivery.test.ts.)
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { SiteConfig } from '@throughline/schema';
import { launchBrowser } from '../../../tests/support/browser';
import { prompt } from '../../../tests/support/prompt';

const baseURL = inject('baseURL' as never) as string;
const site = inject('demoSiteKey' as never) as string;
let browser: Browser;
let config: SiteConfig;
let touchpoint: string;

beforeAll(async () => {
  browser = await launchBrowser();
  config = await (await fetch(`${baseURL}/v1/sites/${site}/config`)).json();
  touchpoint = config.touchpoints.find((t) => t.prompt?.enabled)!.key;
});
afterAll(() => browser?.close());

/** A fixture page at the worker's origin (its HTML only; w.js, config and events are the real worker's). */
async function open(lang = 'en', extra = ''): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.route(`${baseURL}/__fixture*`, (r) =>
    r.fulfill({
      contentType: 'text/html; charset=utf-8',
      headers: { 'content-security-policy': "default-src 'self'; script-src 'nonce-t3st'; style-src 'self'" },
      body: `<!doctype html><html lang="${lang}"><head><script nonce="t3st">window.throughline=window.throughline||function(){(throughline.q=throughline.q||[]).push(arguments)};throughline('touchpoint','${touchpoint}');${extra}</script>
<script nonce="t3st" async src="/w.js" data-site="${site}"></script></head><body><h1>Fixture</h1><p>Content</p></body></html>`,
    }),
  );
  return page;
}

describe('script tag', () => {
  it('records a visit and sends an answer through the prompt, without stealing focus', async () => {
    const page = await open();
    const visit = page.waitForResponse(
      (r) => r.url().endsWith('/v1/events') && r.request().postData()!.includes('"visit"'),
    );
    await page.goto(`${baseURL}/__fixture`);
    expect((await visit).status()).toBe(202);
    await page.evaluate(() => (window as any).throughline('show'));
    await page.waitForSelector('throughline-prompt section');
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.locator('throughline-prompt input[value="4"]').first().check();
    const answer = page.waitForResponse(
      (r) => r.url().endsWith('/v1/events') && r.request().postData()!.includes('"answer"'),
    );
    await page.locator('throughline-prompt button.send').click();
    const res = await answer;
    expect(res.status()).toBe(202);
    // Every event of the batch is stored: the answer, and the prompt events sent with it (shown, answered).
    const sent = JSON.parse(res.request().postData()!).events as { type: string }[];
    expect(sent.filter((e) => e.type == 'answer')).toHaveLength(1);
    expect((await res.json()).accepted).toBe(sent.length);
    await page.waitForSelector('throughline-prompt .thanks');
    await page.context().close();
  });

  it('closes on Esc', async () => {
    const page = await open();
    await page.goto(`${baseURL}/__fixture`);
    await page.evaluate(() => (window as any).throughline('show'));
    // The card is built in steps and stays hidden until whole: a visitor can reach it (and focus it) once it shows.
    await prompt(page).waitFor({ timeout: 15_000 });
    await page.locator('throughline-prompt input[value="3"]').first().focus();
    expect(
      await page.evaluate(() =>
        document.querySelector('throughline-prompt')?.shadowRoot?.activeElement?.getAttribute('value'),
      ),
    ).toBe('3');
    await page.keyboard.press('Escape');
    await page.waitForSelector('throughline-prompt', { state: 'detached' });
    await page.context().close();
  });

  it('records nothing after consent is withdrawn', async () => {
    const page = await open('en', "throughline('consent',false);");
    const posts: string[] = [];
    page.on('request', (r) => r.url().endsWith('/v1/events') && posts.push(r.url()));
    await page.goto(`${baseURL}/__fixture`);
    await page.waitForTimeout(1500);
    expect(posts).toEqual([]);
    expect(await page.evaluate((s) => localStorage.getItem(`tl:${s}:v`), site)).toBeNull();
    await page.context().close();
  });
});
