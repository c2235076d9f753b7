// Built-in prompt text (English here, de/fr/es/nl/ja/ar as lazy packs; ar is right-to-left) and the site's own wording per locale.
import type { Answers, Prompt } from '@throughline/schema';
import type { WordingKind } from './wording-kind';

type Dim = keyof Answers;

/** Message order in every locale's list below. */
const KEYS = [
  'title',
  'close',
  'send',
  'thanks',
  'thanksBody',
  'comment',
  'announce',
  'sensorial',
  'affective',
  'cognitive',
  'relational',
  'behavioral',
  'importance',
  'handoff',
  'poor',
  'excellent',
  'hard',
  'easy',
  'notAtAll',
  'veryMuch',
  'rough',
  'smooth',
  'face1',
  'face2',
  'face3',
  'face4',
  'face5',
  // By kind of touchpoint (wording-kind.ts); {touchpoint} is its name.
  'sensorialVisit',
  'cognitiveVisit',
  'sensorialPartner',
  'cognitivePartner',
  'cognitiveCheckout',
] as const;
export type MessageKey = (typeof KEYS)[number];

/** English, built in; other locales come as packs (locales.ts) in the same '|'-separated order. */
const EN =
  'Quick question|Close|Send|Thank you!|Your feedback helps us improve.|Anything else? (optional)|A short feedback question is available.|How does this page look and feel?|How do you feel right now?|How easy was it to find what you needed?|How connected do you feel to us?|How likely are you to come back?|How much does this step matter to you?|How smoothly did you get here from {from}?|Very poor|Excellent|Very hard|Very easy|Not at all|Very much|Very rough|Very smooth|Very unhappy|Unhappy|Neutral|Happy|Very happy|How was your visit to {touchpoint}?|How easy was it to get what you came for?|How was your experience with {touchpoint}?|How easy was it to get what you needed from {touchpoint}?|How easy was it to complete this step?';

/** Labels of the two ends of each dimension's scale (affective uses faces); the others (relational, behavioral, importance,
 * theme) run from "not at all" to "very much". The `theme` question has no built-in text here: the config brings it
 * in the prompt's wording, with the brand's name (packages/schema/src/brand.ts). */
const ENDS: Partial<Record<Dim, [MessageKey, MessageKey]>> = {
  sensorial: ['poor', 'excellent'],
  affective: ['face1', 'face5'],
  cognitive: ['hard', 'easy'],
  handoff: ['rough', 'smooth'],
};
export const endsOf = (dim: Dim): [MessageKey, MessageKey] => ENDS[dim] || ['notAtAll', 'veryMuch'];

export interface Messages {
  lang: string;
  dir: 'ltr' | 'rtl';
  t(key: MessageKey): string;
  /**
   * The question for a dimension: the site's wording for this locale, else the built-in text for the touchpoint's
   * kind (wording-kind.ts), else the web's. `{from}` and `{touchpoint}` are replaced by the touchpoints' names.
   */
  question(dim: Dim, from?: string, kind?: WordingKind, touchpoint?: string): string;
}

/** Messages for `locale`; `pack` is that language's text pack when one was loaded. */
export function messages(locale: string, wording: Prompt['wording'], pack?: string): Messages {
  const base = locale.split(/[-_]/)[0]!.toLowerCase();
  const lang = pack ? base : 'en';
  const list = (pack || EN).split('|');
  const t = (key: MessageKey) => list[KEYS.indexOf(key)] ?? key;
  return {
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    t,
    question(dim, from = '', kind = '', touchpoint = '') {
      const own = wording[locale]?.[dim] ?? wording[base]?.[dim] ?? (lang === base ? undefined : wording.en?.[dim]);
      const byKind = (dim + kind) as MessageKey;
      return (own ?? t((KEYS.includes(byKind) ? byKind : dim) as MessageKey))
        .replace('{from}', from)
        .replace('{touchpoint}', touchpoint);
    },
  };
}
