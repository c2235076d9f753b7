// The theme question's wording as the config sends it: the brand named in every widget language, the team's own
// wording kept, and prompts that do not ask theme untouched.
import { describe, expect, it } from 'vitest';
import { THEME_QUESTION, withThemeWording } from './brand';
import type { Prompt } from './journey';

describe('theme question wording', () => {
  it('names the brand in all seven languages and keeps what the team wrote', () => {
    const asked: Pick<Prompt, 'dimensions' | 'wording'> = {
      dimensions: ['sensorial', 'theme'],
      wording: { fr: { theme: 'Fidèle à Trailhead ?', sensorial: 'Beau ?' } },
    };
    const p = withThemeWording(asked, 'Trailhead');
    expect(Object.keys(p.wording).sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'ja', 'nl']);
    expect(p.wording.en!.theme).toBe('How well does this fit what Trailhead promises?');
    expect(p.wording.ja!.theme).toBe('これはTrailheadの約束にどのくらい合っていますか？');
    expect(p.wording.fr).toEqual({ theme: 'Fidèle à Trailhead ?', sensorial: 'Beau ?' });
    expect(Object.values(p.wording).every((w) => !w.theme!.includes('{brand}'))).toBe(true);
  });

  it('leaves a prompt without theme as it is', () => {
    const prompt = { dimensions: ['sensorial' as const], wording: {} };
    expect(withThemeWording(prompt, 'Trailhead')).toBe(prompt);
    expect(Object.keys(THEME_QUESTION)).toHaveLength(7);
  });
});
