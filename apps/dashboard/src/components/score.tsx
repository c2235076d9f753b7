// Score display: 0–100 values coloured red→amber→green, and "not enough answers" instead of a number below min n.
import type { Quadrant, ScoreStat } from '@throughline/schema';

/** Hue for a 0–100 score: red at 0, amber at 50, green at 100 (piecewise, so the midpoint reads as "caution"). */
function scoreHue(v: number): number {
  const x = Math.max(0, Math.min(100, v));
  return x < 50 ? 4 + (x / 50) * 36 : 40 + ((x - 50) / 50) * 112;
}

/** Inline style that sets the `--h` hue used by .tone-* classes in CSS. */
export function hueStyle(v: number | null | undefined): Record<string, string> | undefined {
  return v == null ? undefined : { '--h': String(Math.round(scoreHue(v))) };
}

export function band(v: number): string {
  if (v < 40) return 'Poor';
  if (v < 60) return 'Mixed';
  if (v < 75) return 'Good';
  return 'Excellent';
}

export const fmt = (v: number) => String(Math.round(v));
export const pct = (v: number) => `${Math.round(v * 100)}%`;
export const count = (n: number) => n.toLocaleString('en-US');
/** A p-value as people write it: "p < 0.001" below a thousandth, else "p = 0.012" (never "p = < 0.001"). */
export const formatP = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);
/** `1 answer`, `2,301 answers`: a count with its noun (regular English plural). */
export const countOf = (n: number, noun: string) => `${count(n)} ${n === 1 ? noun : `${noun}s`}`;

const DIMENSION_LABELS: Record<string, string> = {
  sensorial: 'Look & feel',
  affective: 'Emotion',
  cognitive: 'Ease',
  relational: 'Belonging',
  behavioral: 'Intent',
  importance: 'Importance',
  handoff: 'Handoff',
  theme: 'Brand fit',
};
export const dimLabel = (d: string) => DIMENSION_LABELS[d] ?? d;

export const QUADRANT_LABELS: Record<Quadrant, string> = {
  fix_first: 'Fix first',
  keep_it_up: 'Keep it up',
  low_priority: 'Low priority',
  possible_overkill: 'Possible overkill',
};

export function QuadrantBadge({ quadrant }: { quadrant: Quadrant | null }) {
  if (!quadrant) return null;
  return <span class={`badge q-${quadrant}`}>{QUADRANT_LABELS[quadrant]}</span>;
}

/** One dimension as a labelled horizontal bar with its value, or a hatched "not enough answers" track. */
export function DimensionBar({ dimension, stat, minN }: { dimension: string; stat: ScoreStat; minN: number }) {
  const label = dimLabel(dimension);
  if (stat.value == null) {
    return (
      <div class="dim-row dim-missing" title={`${label}: ${stat.n} of ${minN} answers needed`}>
        <span class="dim-label">{label}</span>
        <span class="dim-track dim-track-empty" aria-hidden="true" />
        <span class="dim-value">
          <abbr title="not enough answers">n/a</abbr>
        </span>
      </div>
    );
  }
  const ci = stat.ci ? ` (95% CI ${fmt(stat.ci[0])}–${fmt(stat.ci[1])}, n=${stat.n})` : ` (n=${stat.n})`;
  const neutral = dimension === 'importance';
  return (
    <div class={`dim-row ${neutral ? 'dim-neutral' : ''}`} title={`${label}: ${fmt(stat.value)}${ci}`}>
      <span class="dim-label">{label}</span>
      <span class="dim-track" aria-hidden="true">
        <span
          class={`dim-fill ${neutral ? '' : 'tone'}`}
          style={{ ...(neutral ? {} : hueStyle(stat.value)), width: `${Math.max(2, stat.value)}%` }}
        />
        {stat.ci && (
          <span class="dim-ci" style={{ left: `${stat.ci[0]}%`, width: `${Math.max(1, stat.ci[1] - stat.ci[0])}%` }} />
        )}
      </span>
      <span class="dim-value">{fmt(stat.value)}</span>
    </div>
  );
}

/** A score as text with its tone; below min n, the words "not enough answers". */
export function ScoreText({ value, testid, large }: { value: number | null; testid?: string; large?: boolean }) {
  if (value == null)
    return (
      <span class="score-missing" data-testid={testid}>
        not enough answers
      </span>
    );
  return (
    <span class={`score-chip tone ${large ? 'score-lg' : ''}`} style={hueStyle(value)} data-testid={testid}>
      {fmt(value)}
    </span>
  );
}
