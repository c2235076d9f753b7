// Themes on a fixed corpus whose themes are known: the voucher at checkout (three near-identical comments among
// them), shipping costs at the cart, "Gutschein" in German compounds, 配送 (delivery) in Japanese without spaces.
import { describe, expect, it } from 'vitest';
import { commentThemes, groupSameComments, type ThemeComment } from './themes';
import { wordsOf } from './terms';

const c = (touchpoint: string, comment: string, quality: number | null = 50): ThemeComment => ({
  touchpoint,
  comment,
  quality,
});
const corpus: ThemeComment[] = [
  c('checkout', 'Could not find where to enter my voucher.', 20),
  c('checkout', 'could not find where to enter my voucher', 30),
  c('checkout', 'Could not find where to enter my  voucher!!', 25),
  c('checkout', 'The voucher code field is hidden', 45),
  c('checkout', 'Payment was quick', 90),
  c('checkout', 'Fine', null),
  c('cart', 'Shipping costs are too high', 40),
  c('cart', 'shipping costs should be shown earlier', 50),
  c('cart', 'Why are the shipping costs so high?', 30),
  c('cart', 'Payment options look good', 80),
  c('de-checkout', 'Der Gutscheincode fehlt', 30),
  c('de-checkout', 'Gutschein funktioniert nicht', 20),
  c('de-checkout', 'Wo gebe ich den Gutschein ein?', 40),
  c('delivery', '配送が遅い', 20),
  c('delivery', '配送が遅すぎます', 30),
  c('delivery', '配送状況が分からない', 40),
  c('help', 'Payment page looks good', 70),
  c('help', 'Quick and fine', 80),
];
const themesAt = (tp: string) => commentThemes(corpus).filter((t) => t.touchpoint === tp);

describe('comment themes', () => {
  it('segments words in each language, without function words', () => {
    expect(wordsOf('Could not find where to enter my voucher.')).toEqual(['find', 'enter', 'voucher']);
    expect(wordsOf('Der Gutscheincode fehlt')).toEqual(['gutscheincode', 'fehlt']);
    expect(wordsOf('配送が遅い')).toContain('配送');
  });

  it('groups comments that differ only in case, punctuation and spacing', () => {
    expect(groupSameComments(corpus)).toEqual([
      { text: 'Could not find where to enter my voucher.', count: 3, touchpoints: ['checkout'] },
    ]);
  });

  it('finds the voucher at checkout with its count and the mean quality of the comments that mention it', () => {
    const voucher = themesAt('checkout').find((t) => t.phrase === 'voucher');
    // 4 of checkout's 6 comments; none elsewhere; their qualities 20, 30, 25, 45
    expect(voucher).toMatchObject({ count: 4, quality: 30 });
    expect(voucher!.share).toBeCloseTo(4 / 6, 9);
    expect(themesAt('cart').map((t) => t.phrase)).toContain('shipping costs');
    // "payment" is at checkout, the cart and help alike: no theme anywhere
    expect(commentThemes(corpus).some((t) => t.phrase.startsWith('payment'))).toBe(false);
  });

  it('counts a German compound under its head, and a Japanese word written without spaces', () => {
    expect(themesAt('de-checkout').find((t) => t.phrase === 'gutschein')).toMatchObject({ count: 3, quality: 30 });
    expect(themesAt('delivery').find((t) => t.phrase === '配送')).toMatchObject({ count: 3, quality: 30 });
  });

  it('finds no theme at a touchpoint whose comments say what others say', () => {
    expect(themesAt('help')).toEqual([]);
  });
});
