// Unit tests of the widget's pure logic: URL rules, the ask policy, the outbox bound, locale text.
import { describe, expect, it } from 'vitest';
import type { ConfigTouchpoint, Prompt } from '@throughline/schema';
import { mayAsk, noteShown } from './ask-policy';
import { arrival } from './context';
import { matchRule, matchTouchpoint } from './touchpoint-match';
import { messages } from './prompt/i18n';
import { LOCALES } from './prompt/locales';
import { onColor } from './prompt/Prompt';
import { wordingKind } from './prompt/wording-kind';

const url = (s: string) => new URL(s, 'https://shop.example');
const prompt: Prompt = {
  dimensions: ['sensorial'],
  wording: {},
  sampling: 1,
  trigger: { type: 'immediate' },
  recontactDays: 30,
  comment: true,
  enabled: true,
};
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
    const n = messages('en', {}).t('cognitiveCheckout') ? 32 : 0;
    for (const [lang, text] of Object.entries(LOCALES)) expect(text.split('|'), lang).toHaveLength(n);
  });
  it("uses the site's wording for the locale, else the built-in text, and right-to-left for Arabic", () => {
    const wording = { de: { sensorial: 'Gefällt Ihnen die Seite?' } };
    expect(messages('de-CH', wording, LOCALES.de).question('sensorial')).toBe('Gefällt Ihnen die Seite?');
    expect(messages('de', wording, LOCALES.de).question('handoff', 'Warenkorb')).toContain('Warenkorb');
    expect(messages('ar', {}, LOCALES.ar).dir).toBe('rtl');
    expect(messages('pt', {}).question('cognitive')).toBe('How easy was it to find what you needed?');
  });
  it('words the built-in questions by kind of touchpoint: partner, then offline visit, then checkout, else the web', () => {
    const tp = { key: 'home', name: 'Home page', stage: 'Awareness', channel: 'web', owner: 'brand' } as const;
    expect(wordingKind(tp)).toBe('');
    expect(wordingKind({ ...tp, key: 'counter', name: 'Shop counter', channel: 'offline' })).toBe('Visit');
    expect(wordingKind({ ...tp, key: 'parcel', name: 'Parcel delivery', owner: 'partner', channel: 'offline' })).toBe(
      'Partner',
    );
    expect(wordingKind({ ...tp, owner: 'external' })).toBe('Partner');
    expect(wordingKind({ ...tp, stage: 'Purchase' })).toBe('Checkout');
    expect(wordingKind({ ...tp, key: 'pay', name: 'Payment' })).toBe('Checkout');
    const de = messages('de', {}, LOCALES.de);
    const en = messages('en', {});
    expect(en.question('sensorial', '', 'Visit', 'Shop counter')).toBe('How was your visit to Shop counter?');
    expect(en.question('cognitive', '', 'Checkout', 'Checkout')).toBe('How easy was it to complete this step?');
    expect(en.question('cognitive', '', 'Visit', 'Shop counter')).not.toMatch(/find|page/);
    // Dimensions that fit every channel keep their one wording; the site's own wording still wins.
    expect(en.question('affective', '', 'Visit', 'Shop counter')).toBe(en.question('affective'));
    expect(messages('en', { en: { sensorial: 'Nice shop?' } }).question('sensorial', '', 'Visit', 'x')).toBe(
      'Nice shop?',
    );
    expect(de.question('sensorial', '', 'Partner', 'Paketdienst')).toBe('Wie war Ihre Erfahrung mit Paketdienst?');
    // Every language has its own text for each kind, naming the touchpoint where the English does.
    for (const [lang, text] of Object.entries(LOCALES)) {
      const m = messages(lang, {}, text);
      for (const kind of ['Visit', 'Partner'] as const)
        expect(m.question('sensorial', '', kind, 'TP'), lang).toContain('TP');
      expect(m.question('cognitive', '', 'Checkout'), lang).not.toBe(m.question('cognitive'));
    }
  });
  it('picks a readable text colour on the brand colour', () => {
    expect(onColor('#4f46e5')).toBe('#fff');
    expect(onColor('#fde047')).toBe('#111827');
  });
});

describe('channel of arrival', () => {
  it('keeps the channel of a journey link that came by QR code or email, else counts it a partner hand-over', () => {
    const link = 'tl_j=abcdefgh1234.t1x2y3.' + 'A'.repeat(43);
    expect(arrival(new URL(`https://w.example/t/k3x9ab?tl_qr=1&${link}`), '')).toBe('qr');
    expect(arrival(new URL(`https://shop.example/orders/4711?utm_medium=email&${link}`), '')).toBe('email');
    expect(arrival(new URL(`https://shop.example/track?${link}`), 'https://carrier.example/')).toBe('partner');
    expect(arrival(new URL('https://shop.example/track'), 'https://carrier.example/')).toBe('referral');
  });
});
