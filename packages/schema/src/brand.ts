// The `theme` question (docs/metrics.md › Thematic cohesion): its built-in wording in the widget's seven languages,
// with the brand's name. Kept here, not in the widget's text packs: the config fills it into a prompt's wording, so
// the widget ships no bytes for it. No zod: the dashboard's preview imports this file too.
import type { Prompt } from './journey';

/** "How well does this fit what <brand> promises?", per language; `{brand}` is the brand's name. */
export const THEME_QUESTION: Readonly<Record<string, string>> = {
  en: 'How well does this fit what {brand} promises?',
  de: 'Wie gut passt das zu dem, was {brand} verspricht?',
  fr: 'Dans quelle mesure cela correspond-il à ce que {brand} promet ?',
  es: '¿En qué medida encaja esto con lo que promete {brand}?',
  nl: 'Hoe goed past dit bij wat {brand} belooft?',
  ja: 'これは{brand}の約束にどのくらい合っていますか？',
  ar: 'إلى أي مدى يتوافق هذا مع ما تعد به {brand}؟',
};

/** A prompt that asks `theme`, with the built-in question (brand named) in every language the team has not worded itself. */
export function withThemeWording<P extends Pick<Prompt, 'dimensions' | 'wording'>>(prompt: P, brand: string): P {
  if (!prompt.dimensions.includes('theme')) return prompt;
  const wording = { ...prompt.wording };
  for (const [lang, text] of Object.entries(THEME_QUESTION)) {
    if (!wording[lang]?.theme) wording[lang] = { ...wording[lang], theme: text.replace('{brand}', brand) };
  }
  return { ...prompt, wording };
}
