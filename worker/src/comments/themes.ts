// Comment themes (docs/metrics.md "Comment themes"), deterministic and local: near-identical comments grouped with
// a count, and per touchpoint the words and word pairs over-represented in its comments compared with the rest of
// the site, each with the comments that mention it and their mean quality.
import { sameTextKey, wordsOf } from './terms';

export interface ThemeComment {
  touchpoint: string;
  comment: string /** 0–100, or null without experience answers. */;
  quality: number | null;
}
export interface CommentGroup {
  text: string;
  count: number;
  touchpoints: string[];
}
export interface Theme {
  touchpoint: string;
  phrase: string;
  count: number;
  share: number;
  elsewhereShare: number;
  lift: number;
  quality: number | null;
}

/** A term needs this many comments at the touchpoint, and this lift over the rest of the site. */
const MIN_COUNT = 3;
const MIN_LIFT = 2;

/** Comments equal but for case, accents, punctuation and spacing, most frequent first (2 or more only). */
export function groupSameComments(comments: readonly ThemeComment[]): CommentGroup[] {
  const groups = new Map<string, { text: string; count: number; touchpoints: Set<string> }>();
  for (const c of comments) {
    const key = sameTextKey(c.comment);
    if (!key) continue;
    const g = groups.get(key) ?? { text: c.comment.trim(), count: 0, touchpoints: new Set<string>() };
    g.count++;
    g.touchpoints.add(c.touchpoint);
    groups.set(key, g);
  }
  return [...groups.values()]
    .filter((g) => g.count > 1)
    .map((g) => ({ text: g.text, count: g.count, touchpoints: [...g.touchpoints].sort() }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

/** The terms a comment mentions: its words, adjacent word pairs, and the heads and tails of its compounds. */
function mentions(words: readonly string[], vocabulary: ReadonlySet<string>): Set<string> {
  const out = new Set<string>(words);
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  for (const w of words) {
    if (w.length < 8) continue;
    // a compound's head or tail of 4+ letters that is a word elsewhere in the corpus (Gutschein|code, Versand|kosten)
    for (let k = 4; k <= w.length - 3; k++) {
      if (vocabulary.has(w.slice(0, k))) out.add(w.slice(0, k));
      if (vocabulary.has(w.slice(w.length - k))) out.add(w.slice(w.length - k));
    }
  }
  return out;
}

/**
 * Per touchpoint: terms with at least MIN_COUNT comments there whose share there is at least MIN_LIFT times the
 * share elsewhere ((count + 1) / (comments + 1) elsewhere, so a term found nowhere else still has a finite lift),
 * ranked by count × log2(lift); a word is left out where a pair holding it covers most of its comments.
 */
export function commentThemes(comments: readonly ThemeComment[], perTouchpoint = 8): Theme[] {
  const wordLists = comments.map((c) => wordsOf(c.comment));
  const vocabulary = new Set(wordLists.flat());
  const mentioned = wordLists.map((w) => mentions(w, vocabulary));
  const totals = new Map<string, number>();
  const byTerm = new Map<string, Map<string, { count: number; qSum: number; qN: number }>>();
  comments.forEach((c, i) => {
    totals.set(c.touchpoint, (totals.get(c.touchpoint) ?? 0) + 1);
    for (const term of mentioned[i]!) {
      const at = byTerm.get(term) ?? new Map();
      const s = at.get(c.touchpoint) ?? { count: 0, qSum: 0, qN: 0 };
      s.count++;
      if (c.quality !== null) (s.qSum += c.quality), s.qN++;
      at.set(c.touchpoint, s);
      byTerm.set(term, at);
    }
  });
  const all = comments.length;
  const out: Theme[] = [];
  for (const [touchpoint, total] of totals) {
    const found: Theme[] = [];
    for (const [term, at] of byTerm) {
      const here = at.get(touchpoint);
      if (!here || here.count < MIN_COUNT) continue;
      let elsewhere = 0;
      for (const [tp, s] of at) if (tp !== touchpoint) elsewhere += s.count;
      const share = here.count / total;
      const elsewhereShare = (elsewhere + 1) / (all - total + 1);
      const lift = share / elsewhereShare;
      if (lift < MIN_LIFT) continue;
      found.push({
        touchpoint,
        phrase: term,
        count: here.count,
        share,
        elsewhereShare: elsewhere / Math.max(1, all - total),
        lift,
        quality: here.qN ? here.qSum / here.qN : null,
      });
    }
    const pairs = found.filter((t) => t.phrase.includes(' '));
    const kept = found.filter(
      (t) =>
        t.phrase.includes(' ') ||
        !pairs.some((p) => p.phrase.split(' ').includes(t.phrase) && p.count >= 0.8 * t.count),
    );
    kept.sort((a, b) => b.count * Math.log2(b.lift) - a.count * Math.log2(a.lift) || a.phrase.localeCompare(b.phrase));
    out.push(...kept.slice(0, perTouchpoint));
  }
  return out;
}
