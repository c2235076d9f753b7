// The one status a touchpoint card shows, chosen by a fixed precedence (docs/metrics.md "Card status"), so that a
// card never says "Keep it up" beside "Quality falling": the most urgent fact is the status, the rest are notes.
import type { Overview, Quadrant, TouchpointScores, TrendAlert } from '@throughline/schema';
import { dimLabel, fmt, formatP, pct, QUADRANT_LABELS } from './score';

/**
 * Highest first. Falling quality is news (a change this week); fix first is the standing verdict of the range;
 * below the journey and many exits are weak spots; above the journey is good news; the other quadrants describe a
 * touchpoint that needs nothing now; with too few answers there is nothing to say yet.
 */
export const STATUS_PRECEDENCE = [
  'falling',
  'fix_first',
  'below_journey',
  'many_exits',
  'above_journey',
  'keep_it_up',
  'possible_overkill',
  'low_priority',
  'thin',
] as const;
type StatusKind = (typeof STATUS_PRECEDENCE)[number];

/** How a fact is coloured: danger and warn are bad news, good is good news, a quadrant uses its own hue. */
type StatusTone = 'danger' | 'warn' | 'good' | 'neutral' | `q-${Quadrant}`;

export interface StatusFact {
  kind: StatusKind;
  label: string;
  tone: StatusTone;
  /** One sentence with the numbers behind the fact. */
  detail: string;
}

/** A touchpoint's exits: share of the journeys that reached it and ended there, beside what is typical on the site. */
export interface Exits {
  share: number;
  ended: number;
  journeys: number;
  /** Median share over the touchpoints where exits count (enough journeys); null with fewer than two of them. */
  typical: number | null;
}

/** An exit share this many times the typical one (and at least 20%) is "many exits". */
const MANY_EXITS_FACTOR = 1.5;
const MANY_EXITS_FLOOR = 0.2;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * Exits per touchpoint where they count: the API leaves natural ends and the last stage out of `dropOff`
 * (journeys are meant to end there). Touchpoints reached by fewer than `minN` journeys are listed but do not set
 * the typical share.
 */
export function exitsOf(o: Overview): Map<string, Exits> {
  const counts = new Map(o.connectivity.dropOffCounts.map((c) => [c.touchpoint, c]));
  const rows = Object.entries(o.connectivity.dropOff).flatMap(([key, share]) => {
    const c = counts.get(key);
    return c ? [{ key, share, ended: c.ended, journeys: c.journeys }] : [];
  });
  const counted = rows.filter((r) => r.journeys >= o.minN).map((r) => r.share);
  const typical = counted.length >= 2 ? median(counted) : null;
  return new Map(rows.map((r) => [r.key, { share: r.share, ended: r.ended, journeys: r.journeys, typical }]));
}

/** Touchpoints that journeys reach and are meant to end at (natural ends, last stage): no exits shown for them. */
export function journeyEndsOf(o: Overview): Set<string> {
  return new Set(o.connectivity.dropOffCounts.map((c) => c.touchpoint).filter((k) => !(k in o.connectivity.dropOff)));
}

export interface StatusInput {
  tp: TouchpointScores;
  alert?: TrendAlert;
  outliers: Overview['consistency']['outliers'];
  exits?: Exits;
  minN: number;
}

/** Every fact that applies to the card, in precedence order; the first is its status. */
export function cardFacts({ tp, alert, outliers, exits, minN }: StatusInput): StatusFact[] {
  const facts: StatusFact[] = [];
  if (alert)
    facts.push({
      kind: 'falling',
      label: 'Quality falling',
      tone: 'danger',
      detail: `Last 7 days ${fmt(alert.recent.value)}, the 28 days before ${fmt(alert.baseline.value)} (${formatP(alert.test.p)}).`,
    });
  if (tp.quadrant === 'fix_first') facts.push(quadrantFact('fix_first', tp));
  const mine = outliers.filter((o) => o.touchpoint === tp.key);
  const below = mine.filter((o) => o.side === 'below').sort((a, b) => a.points - b.points)[0];
  const above = mine.filter((o) => o.side === 'above').sort((a, b) => b.points - a.points)[0];
  if (below)
    facts.push({
      kind: 'below_journey',
      label: 'Below the journey',
      tone: 'warn',
      detail: `${dimLabel(below.dimension)} is ${fmt(-below.points)} points below the journey mean: more than one standard deviation.`,
    });
  if (
    exits &&
    exits.journeys >= minN &&
    exits.typical != null &&
    exits.share >= MANY_EXITS_FLOOR &&
    exits.share >= MANY_EXITS_FACTOR * exits.typical
  )
    facts.push({
      kind: 'many_exits',
      label: 'Many exits',
      tone: 'warn',
      detail: `${pct(exits.share)} of journeys that reach it end here; ${pct(exits.typical)} is typical on this journey.`,
    });
  if (above)
    facts.push({
      kind: 'above_journey',
      label: 'Above the journey',
      tone: 'good',
      detail: `${dimLabel(above.dimension)} is ${fmt(above.points)} points above the journey mean: more than one standard deviation.`,
    });
  if (tp.quadrant && tp.quadrant !== 'fix_first') facts.push(quadrantFact(tp.quadrant, tp));
  if (tp.quality == null)
    facts.push({
      kind: 'thin',
      label: 'Not enough answers',
      tone: 'neutral',
      detail: `Scores show from ${minN} answers.`,
    });
  return facts;
}

function quadrantFact(q: Quadrant, tp: TouchpointScores): StatusFact {
  const iq = `importance ${tp.importance != null ? fmt(tp.importance) : '–'}, quality ${tp.quality != null ? fmt(tp.quality) : '–'}`;
  return { kind: q, label: QUADRANT_LABELS[q], tone: `q-${q}`, detail: `Priority quadrant: ${iq}.` };
}
