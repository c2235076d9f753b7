// Turns rollup reads into the Overview. Interim: replaced by worker/src/analytics (pure, unit-tested metrics).
import { EXPERIENCE_DIMENSIONS, type Overview, type Quadrant, type ScoreStat, type SiteSettings } from '@throughline/schema';
import type { ScoreSums, TransitionSums, VisitCount } from './db/analytics-reads';
import type { TouchpointWithPrompt } from './db/touchpoints';

export interface OverviewReads {
  range: { from: string; to: string };
  settings: SiteSettings;
  stages: string[];
  touchpoints: TouchpointWithPrompt[];
  scores: ScoreSums[];
  visits: VisitCount[];
  transitions: TransitionSums[];
}

const toScore = (mean: number) => ((mean - 1) / 4) * 100;

function stat(s: ScoreSums | undefined, minN: number): ScoreStat {
  if (!s || s.n < minN) return { value: null, n: s?.n ?? 0, ci: null };
  const mean = s.sum / s.n;
  const variance = s.n > 1 ? Math.max(0, (s.sumsq - s.n * mean * mean) / (s.n - 1)) : 0;
  const half = 1.96 * Math.sqrt(variance / s.n);
  return { value: toScore(mean), n: s.n, ci: [Math.max(0, toScore(mean - half)), Math.min(100, toScore(mean + half))] };
}

function quadrantOf(importance: number, quality: number, t: SiteSettings['thresholds']): Quadrant {
  const hi = importance >= t.importance;
  const good = quality >= t.quality;
  return hi ? (good ? 'keep_it_up' : 'fix_first') : good ? 'possible_overkill' : 'low_priority';
}

export function buildOverviewFromReads(r: OverviewReads): Overview {
  const minN = r.settings.minN;
  const sums = new Map(r.scores.map((s) => [`${s.touchpoint}|${s.dimension}`, s]));
  const visits = new Map(r.visits.map((v) => [v.touchpoint, v.n]));
  const touchpoints = r.touchpoints.map((tp) => {
    const scores: Record<string, ScoreStat> = {};
    for (const d of [...EXPERIENCE_DIMENSIONS, 'importance', 'handoff']) {
      const s = sums.get(`${tp.key}|${d}`);
      if (s) scores[d] = stat(s, minN);
    }
    const exp = EXPERIENCE_DIMENSIONS.map((d) => scores[d]?.value).filter((v): v is number => v != null);
    const quality = exp.length ? exp.reduce((a, b) => a + b, 0) / exp.length : null;
    const importance = scores.importance?.value ?? null;
    return {
      key: tp.key, name: tp.name, stage: tp.stage, channel: tp.channel, owner: tp.owner,
      n: sums.get(`${tp.key}|quality`)?.n ?? 0, visits: visits.get(tp.key) ?? 0, scores, quality, importance,
      quadrant: quality != null && importance != null ? quadrantOf(importance, quality, r.settings.thresholds) : null,
      priority: quality != null && importance != null ? (importance / 100) * (1 - quality / 100) : null,
    };
  });
  touchpoints.sort((a, b) => (b.priority ?? -1) - (a.priority ?? -1));
  return {
    range: r.range, minN, touchpoints,
    consistency: { overall: null, byDimension: {}, experienced: null, breaking: [] },
    connectivity: {
      score: null, seamlessRate: null, crossChannelShare: null, dropOff: {},
      transitions: r.transitions.map((t) => ({
        from: t.from, to: t.to, count: t.count,
        handoff: t.handoffN >= minN ? toScore(t.handoffSum / t.handoffN) : null,
        delta: t.deltaN >= minN ? (t.deltaSum / t.deltaN / 4) * 100 : null,
      })),
    },
  };
}
