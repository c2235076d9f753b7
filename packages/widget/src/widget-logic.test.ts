// Unit tests of the widget's pure logic: URL rules, the ask policy, the outbox bound, locale text.
import { describe, expect, it } from 'vitest';
import type { ConfigTouchpoint, Prompt } from '@throughline/schema';
import { mayAsk, noteShown } from './ask-policy';
import { matchRule, matchTouchpoint } from './touchpoint-match';
import { messages } from './prompt/i18n';
import { LOCALES } from './prompt/locales';
import { onColor } from './prompt/Prompt';

const url = (s: string) => new URL(s, 'https://shop.example');
const prompt: Prompt = { dimensions: ['sensorial'], wording: {}, sampling: 1, trigger: { type: 'immediate' }, recontactDays: 30, comment: true, enabled: true };
const budget = { prompts: 1, periodDays: 7 };
const DAY = 864e5;

describe('touchpoint URL rules', () => {
  it('matches path patterns with * and required query pairs', () => {
    expect(matchRule('/checkout*', url('/checkout/pay'))).toBe(true);
    expect(matchRule('/checkout', url('/checkout/pay'))).toBe(false);
    expect(matchRule('/p/*?ref=mail', url('/p/1?ref=mail&x=1'))).toBe(true);
    expect(matchRule('/p/*?ref=mail', url('/p/1?ref=web'))).toBe(false);
    expect(matchRule('/a.b', url('/aXb'))).toBe(false);
  });
  it('matches the fragment only when the rule has one (hash-routed apps)', () => {
    expect(matchRule('/app#/help*', url('/app#/help/faq'))).toBe(true);
    expect(matchRule('/app#/help*', url('/app#/cart'))).toBe(false);
    expect(matchRule('/app', url('/app#/help'))).toBe(true);
  });
  it('prefers the most specific (longest) rule', () => {
    const tps = [
      { key: 'all', match: ['/*'] },
      { key: 'checkout', match: ['/checkout*'] },
    ] as ConfigTouchpoint[];
    expect(matchTouchpoint(tps, url('/checkout'))).toBe('checkout');
    expect(matchTouchpoint(tps, url('/home'))).toBe('all');
  });
});

describe('ask policy', () => {
  const now = 100 * DAY;
  it('asks when enabled, sampled, within budget and outside the recontact period', () => {
    expect(mayAsk(prompt, 't', { shown: [], done: {} }, budget, now, 0.5)).toBe(true);
    expect(mayAsk({ ...prompt, enabled: false }, 't', { shown: [], done: {} }, budget, now, 0)).toBe(false);
    expect(mayAsk({ ...prompt, sampling: 0.1 }, 't', { shown: [], done: {} }, budget, now, 0.5)).toBe(false);
  });
  it('honours the journey ask budget across touchpoints', () => {
    const log = noteShown({ shown: [], done: {} }, now - DAY);
    expect(mayAsk(prompt, 'other', log, budget, now, 0)).toBe(false);
    expect(mayAsk(prompt, 'other', log, budget, now + 7 * DAY, 0)).toBe(true);
  });
  it('never asks again within the recontact period once answered or dismissed', () => {
    const log = { shown: [], done: { t: now - 29 * DAY } };
    expect(mayAsk(prompt, 't', log, budget, now, 0)).toBe(false);
    expect(mayAsk(prompt, 't', log, budget, now + 2 * DAY, 0)).toBe(true);
  });
});

describe('prompt text', () => {
  it('has every message in every locale pack', () => {
    const n = messages('en', {}).t('face5') ? 27 : 0;
    for (const [lang, text] of Object.entries(LOCALES)) expect(text.split('|'), lang).toHaveLength(n);
  });
  it("uses the site's wording for the locale, else the built-in text, and right-to-left for Arabic", () => {
    const wording = { de: { sensorial: 'Gefällt Ihnen die Seite?' } };
    expect(messages('de-CH', wording, LOCALES.de).question('sensorial')).toBe('Gefällt Ihnen die Seite?');
    expect(messages('de', wording, LOCALES.de).question('handoff', 'Warenkorb')).toContain('Warenkorb');
    expect(messages('ar', {}, LOCALES.ar).dir).toBe('rtl');
    expect(messages('pt', {}).question('cognitive')).toBe('How easy was it to find what you needed?');
  });
  it('picks a readable text colour on the brand colour', () => {
    expect(onColor('#4f46e5')).toBe('#fff');
    expect(onColor('#fde047')).toBe('#111827');
  });
});
