// Words of a comment for its themes, in the widget's languages: Unicode word segmentation (Intl.Segmenter, whose
// dictionary splits Japanese, which has no spaces), lower case, NFKC, without the most common function words.
// German compounds: a long word also counts its head and tail when those occur as words of their own elsewhere
// ("Gutscheincode" mentions "gutschein" when someone wrote "Gutschein"), see themes.ts.

const STOP = new Set(
  `
a an and are as at be been but by can could did do does for from had has have how i if in is it its just me my no not of on or our so
than that the their them then there they this to too up us was we were what when where which who why will with would you your
aber als am an auch auf aus bei bin bis da das dass dem den der des die doch du ein eine einem einen einer es für hat hatte ich ihr im
in ist ja kein keine man mit nach nicht noch nur oder sehr sich sie sind so um und uns von war was wie wir zu zum zur
au aux avec ce ces dans de des du elle en est et il ils je la le les leur mais me mes mon ne nous on ou par pas pour qu que qui sa se
ses son sur ta te tes toi ton tu un une vos votre vous été être
al como con de del el ella en es esta este fue ha la las le les lo los me mi muy no nos o para pero por que se su sus te tu un una y ya
aan als bij dan dat de den der die dit een en er het hij ik in is je kan maar me met mijn na niet nog of om op te tot u uit van voor was
wat we wel zijn zo
`
    .trim()
    .split(/\s+/),
);

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
/** Han, hiragana or katakana: a word of 2 characters carries meaning ("配送"), one of Latin letters rarely does. */
const CJK = /[\u3040-\u30ff\u3400-\u9fff]/;
const KANA_ONLY_SHORT = /^[\u3040-\u309f]{1,2}$/;

/** The content words of a text, in order (repeats kept: bigrams need the order). */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text.normalize('NFKC').toLowerCase())) {
    if (!s.isWordLike) continue;
    const w = s.segment;
    if (STOP.has(w) || /^\d+$/.test(w)) continue;
    if (CJK.test(w) ? w.length < 2 || KANA_ONLY_SHORT.test(w) : w.length < 3) continue;
    out.push(w);
  }
  return out;
}

/** Case, accents, punctuation and spacing removed: comments equal under this are "the same comment". */
export const sameTextKey = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
