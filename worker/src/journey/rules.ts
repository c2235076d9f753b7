// The rules that turn one visitor's events into journeys and rollup contributions: the one definition of
// docs/metrics.md › The model (visit, journey, answer context) and the journey parts of Connectivity and Consistency.
// Pure: the same set of events gives the same contribution whatever order they arrived in. The site object
// (store/site-store.ts) stores the difference between a visitor's contribution after and before a batch.
import { EXPERIENCE_DIMENSIONS, PROMPT_OUTCOMES, type Dimension, type PromptOutcome } from '@throughline/schema';
import { consistencyOfMeans } from '../analytics/consistency';
import { addLoyalty } from './loyalty';
import { segmentsOf, type SegmentContext } from './segments';

export type { SegmentContext };

interface EventBase {
  id: string;
  /** ISO time. */
  at: string;
  touchpoint: string;
  /** The touchpoint's channel (web, email, offline, ...): for cross-channel journeys. */
  channel: string;
  context: SegmentContext;
}
interface StoredVisit extends EventBase {
  kind: 'visit';
}
interface StoredAnswer extends EventBase {
  kind: 'answer';
  scores: Partial<Record<Dimension, number>>;
  /** It arrived with a valid signed journey link (docs/metrics.md › Journey link). */
  linked?: boolean;
}
/** What the visitor did with a prompt (shown, dismissed, answered): response rates, never a step of a journey. */
interface StoredPrompt extends EventBase {
  kind: 'prompt';
  outcome: PromptOutcome;
}
export type StoredEvent = StoredVisit | StoredAnswer | StoredPrompt;

export interface JourneyRules {
  /** A gap between visits longer than this starts a new journey (site setting, default 30). */
  windowDays: number;
  /** The site's journey types when it has two or more (null: one type, no typed rows; absent: keep what the object has). */
  types?: JourneyTypeRules | null;
}

/** A metric's numbers; contributions add and subtract element by element. */
export type Vector = number[];
/** Rollup row key (segment, day, touchpoint; see rowKey) → metric name → vector. */
export type Contribution = Map<string, Map<string, Vector>>;

/** Quality and its sums are counted in sixtieths of a scale point: a mean of 1–5 scores × 60 is whole. */
export const QUALITY_UNITS = 60;
/** Experienced consistency (0–100) is summed in millionths, so sums subtract exactly. */
export const EXPERIENCE_UNITS = 1_000_000;
/** The row of a journey's metrics that belong to no touchpoint (journeys, channel spans, experience). */
export const JOURNEY_ROW = '';

/**
 * The metric list: names and the numbers each holds, on the row (segment, day, touchpoint):
 * - `visits` [n]; `answers` [n] (answer events)
 * - `d:<dimension>` [n, sum, sumsq, h1, h2, h3, h4, h5] of the answers' 1–5 scores
 * - `q` [n, sum, sumsq] answer-level quality (sixtieths); on 'all' rows also `c:<segment>` the same per
 *   single-value segment of the answer, for context gaps read from the 'all' rows alone
 * - `a:<from>` [moves, handoffN, handoffSum, handoffSumsq, deltaN, deltaSum (sixtieths), seamlessN]: arrivals at
 *   this touchpoint from <from> (counted on the day of the arriving stay), the handoff answers given in that stay,
 *   and the quality change from the previous stay's latest rated answer (on the answer's day)
 * - `p` [shown, dismissed, answered]: prompt events, in the context of the visit they were shown in
 * - `r` [reached, ended]: journeys (on the day they started, in the segments of their first visit) that
 *   reached this touchpoint, and those whose last stay was here
 * - `l:b`, `l:r` [n, Σx, Σy, Σxy, Σx², Σy²]: loyalty pairs, quality here against the journey's outcome (journey/loyalty.ts)
 * - on the JOURNEY_ROW: `j` [journeys], `s:<k>` [journeys that reached k distinct channels],
 *   `x` [journeys with an experienced consistency, its sum in millionths]
 * - `k` [joined, linked]: answers joined to a journey (arrived with a journey link, or given in a stay that is not
 *   the journey's first), and of those the ones that arrived with a link
 */

const SEP = '\t';
export const rowKey = (segment: string, day: string, touchpoint: string) => `${segment}${SEP}${day}${SEP}${touchpoint}`;
export function parseRowKey(key: string): { segment: string; day: string; touchpoint: string } {
  const [segment, day, touchpoint] = key.split(SEP) as [string, string, string];
  return { segment, day, touchpoint };
}

/** Adds `v` (times `sign`) into the contribution at row × metric. */
export function addMetric(c: Contribution, key: string, metric: string, v: Vector, sign = 1): void {
  let row = c.get(key);
  if (!row) c.set(key, (row = new Map()));
  const into = row.get(metric);
  if (!into)
    row.set(
      metric,
      v.map((x) => x * sign),
    );
  else for (let i = 0; i < v.length; i++) into[i] = (into[i] ?? 0) + sign * v[i]!;
}

/** Adds all of `b` (times `sign`) into `a`. */
export function addContribution(a: Contribution, b: Contribution, sign = 1): Contribution {
  for (const [key, metrics] of b) for (const [metric, v] of metrics) addMetric(a, key, metric, v, sign);
  return a;
}

/** Drops metrics that are all zero, and rows left empty: what a diff really changes. */
export function pruneZeros(c: Contribution): Contribution {
  for (const [key, metrics] of c) {
    for (const [metric, v] of metrics) if (v.every((x) => x === 0)) metrics.delete(metric);
    if (!metrics.size) c.delete(key);
  }
  return c;
}

const DAY_MS = 86_400_000;
const dayOf = (at: string) => at.slice(0, 10);
const byTime = (a: { at: string; id: string }, b: { at: string; id: string }) =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** A place on the timeline: a visit, or a visit implied by an answer that no visit explains. */
interface Step {
  id: string;
  at: string;
  touchpoint: string;
  channel: string;
  context: SegmentContext;
  real: boolean;
  stay: number;
}
interface Stay {
  touchpoint: string;
  first: Step;
  answers: StoredAnswer[];
}

export interface Journey {
  stays: Stay[];
  steps: Step[];
  /** Each answer with the step (its visit) it was given in. */
  answers: { answer: StoredAnswer; step: Step }[];
}

/** Mean of the experience dimensions an answer carries (1–5), or null: the answer's quality. */
export function answerQuality(scores: Partial<Record<string, number>>): number | null {
  const values = EXPERIENCE_DIMENSIONS.map((d) => scores[d]).filter((v): v is number => v !== undefined);
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}
const quality60 = (scores: Partial<Record<string, number>>) => {
  const q = answerQuality(scores);
  return q === null ? null : Math.round(q * QUALITY_UNITS);
};

/**
 * One visitor's journeys (docs/metrics.md › The model: journey, answer context): visits in time order, split where the gap
 * exceeds the window; consecutive visits to one touchpoint are one stay. An answer belongs to the visitor's
 * latest visit to its touchpoint at or before it (within the window); an answer that no visit explains implies a
 * visit there and then, with the answer's own context, so answers alone (imports, a lost visit) still make journeys.
 */
export function journeysOf(events: readonly StoredEvent[], rules: JourneyRules): Journey[] {
  const window = rules.windowDays * DAY_MS;
  const visits = events.filter((e): e is StoredVisit => e.kind === 'visit').sort(byTime);
  const answers = events.filter((e): e is StoredAnswer => e.kind === 'answer').sort(byTime);
  const steps: Step[] = visits.map((v) => ({
    id: v.id,
    at: v.at,
    touchpoint: v.touchpoint,
    channel: v.channel,
    context: v.context,
    real: true,
    stay: -1,
  }));
  // per touchpoint, its visits in time order: where an answer looks for its visit
  const stepsAt = new Map<string, Step[]>();
  for (const s of steps) {
    const list = stepsAt.get(s.touchpoint);
    if (list) list.push(s);
    else stepsAt.set(s.touchpoint, [s]);
  }
  const attached: { answer: StoredAnswer; step: Step }[] = [];
  for (const a of answers) {
    const candidates = stepsAt.get(a.touchpoint) ?? [];
    let step: Step | undefined;
    for (let i = candidates.length - 1; i >= 0; i--) {
      if (candidates[i]!.at <= a.at) {
        step = candidates[i];
        break;
      }
    }
    if (!step || Date.parse(a.at) - Date.parse(step.at) > window) {
      // its own step, which no other answer joins: an answer without a visit keeps the context it carries
      step = {
        id: a.id,
        at: a.at,
        touchpoint: a.touchpoint,
        channel: a.channel,
        context: a.context,
        real: false,
        stay: -1,
      };
      steps.push(step);
    }
    attached.push({ answer: a, step });
  }
  steps.sort(byTime);

  const journeys: Journey[] = [];
  let current: Journey | null = null;
  let previousAt = 0;
  for (const step of steps) {
    const t = Date.parse(step.at);
    if (!current || t - previousAt > window) journeys.push((current = { stays: [], steps: [], answers: [] }));
    previousAt = t;
    const last = current.stays[current.stays.length - 1];
    if (!last || last.touchpoint !== step.touchpoint)
      current.stays.push({ touchpoint: step.touchpoint, first: step, answers: [] });
    step.stay = current.stays.length - 1;
    current.steps.push(step);
  }
  const journeyOfStep = new Map<Step, Journey>();
  for (const j of journeys) for (const s of j.steps) journeyOfStep.set(s, j);
  for (const item of attached) {
    const j = journeyOfStep.get(item.step)!;
    j.answers.push(item);
    j.stays[item.step.stay]!.answers.push(item.answer);
  }
  return journeys;
}

/** Everything one visitor's events add to the rollups (metric names: the metric list above). */
export function contributionOf(events: readonly StoredEvent[], rules: JourneyRules): Contribution {
  return contributionOfJourneys(journeysOf(events, rules), events, rules);
}

/** The same from the journeys of `events`, already derived (a caller that also needs them derives them once). */
export function contributionOfJourneys(
  journeys: readonly Journey[],
  events: readonly StoredEvent[],
  rules: JourneyRules,
): Contribution {
  const c: Contribution = new Map();
  for (const journey of journeys) {
    addJourney(c, journey);
    addLoyalty(c, journey);
  }
  const prompts = events.filter((e): e is StoredPrompt => e.kind === 'prompt');
  addPrompts(c, journeys, prompts, rules);
  if (rules.types && rules.types.order.length > 1) addTyped(c, journeys, prompts, rules, rules.types);
  return c;
}

/** The loyalty pairs alone (journey/loyalty.ts): what a store whose rollups predate them adds once. */
export function loyaltyContributionOf(events: readonly StoredEvent[], rules: JourneyRules): Contribution {
  const c: Contribution = new Map();
  for (const journey of journeysOf(events, rules)) addLoyalty(c, journey);
  return c;
}

/**
 * Prompt events count on their own day, in the context of the visit they were shown in: the latest visit to
 * their touchpoint at or before them within the window (as an answer's), else the context they carry.
 */
function addPrompts(
  c: Contribution,
  journeys: readonly Journey[],
  prompts: readonly StoredPrompt[],
  rules: JourneyRules,
): void {
  if (!prompts.length) return;
  const window = rules.windowDays * DAY_MS;
  const visits = journeys.flatMap((j) => j.steps.filter((s) => s.real));
  for (const p of prompts) {
    let visit: Step | undefined;
    for (const s of visits)
      if (s.touchpoint === p.touchpoint && s.at <= p.at && (!visit || s.at >= visit.at)) visit = s;
    const context = visit && Date.parse(p.at) - Date.parse(visit.at) <= window ? visit.context : p.context;
    const v = PROMPT_OUTCOMES.map((o) => +(o === p.outcome));
    for (const seg of segmentsOf(context)) addMetric(c, rowKey(seg, dayOf(p.at), p.touchpoint), 'p', v);
  }
}

function addJourney(c: Contribution, journey: Journey): void {
  for (const step of journey.steps) {
    if (step.real)
      for (const seg of segmentsOf(step.context))
        addMetric(c, rowKey(seg, dayOf(step.at), step.touchpoint), 'visits', [1]);
  }
  journey.stays.forEach((stay, i) => {
    if (i === 0) return;
    const from = journey.stays[i - 1]!.touchpoint;
    for (const seg of segmentsOf(stay.first.context)) {
      addMetric(c, rowKey(seg, dayOf(stay.first.at), stay.touchpoint), `a:${from}`, [1, 0, 0, 0, 0, 0, 0]);
    }
  });
  for (const { answer, step } of journey.answers) addAnswer(c, journey, answer, step);
  addJourneyTotals(c, journey);
}

function addAnswer(c: Contribution, journey: Journey, a: StoredAnswer, step: Step): void {
  // docs/metrics.md › The model, answer context: the answer takes its visit's context (an implied visit carries the answer's own)
  const segments = segmentsOf(step.context);
  const day = dayOf(a.at);
  const q = quality60(a.scores);
  const arrival = step.stay > 0 ? arrivalOf(journey, step.stay, a, q) : null;
  for (const seg of segments) {
    const key = rowKey(seg, day, a.touchpoint);
    addMetric(c, key, 'answers', [1]);
    for (const [dimension, v] of Object.entries(a.scores)) {
      if (v === undefined) continue;
      addMetric(c, key, `d:${dimension}`, [1, v, v * v, +(v === 1), +(v === 2), +(v === 3), +(v === 4), +(v === 5)]);
    }
    if (q !== null) {
      addMetric(c, key, 'q', [1, q, q * q]);
      if (seg === 'all') for (const single of segments.slice(1)) addMetric(c, key, `c:${single}`, [1, q, q * q]);
    }
    if (arrival) addMetric(c, key, `a:${arrival.from}`, arrival.v);
    // docs/metrics.md › Journey link: joined answers
    if (step.stay > 0 || a.linked) addMetric(c, key, 'k', [1, +!!a.linked]);
  }
}

/**
 * docs/metrics.md › Connectivity › handoff score of A → B: the handoff answers given in a stay at B whose previous
 * stay was A, and the change in quality from A (the latest rated answer of that stay) to this answer.
 */
function arrivalOf(journey: Journey, stayIndex: number, a: StoredAnswer, q: number | null) {
  const previous = journey.stays[stayIndex - 1]!;
  const h = a.scores.handoff;
  let earlier: number | null = null;
  if (q !== null) {
    for (const p of [...previous.answers].sort(byTime).reverse()) {
      const pq = quality60(p.scores);
      if (pq !== null) {
        earlier = pq;
        break;
      }
    }
  }
  if (h === undefined && earlier === null) return null;
  const rated = earlier !== null && q !== null;
  const delta = rated ? q - earlier! : 0;
  return {
    from: previous.touchpoint,
    v: [0, +(h !== undefined), h ?? 0, (h ?? 0) ** 2, +rated, delta, +(rated && delta >= -QUALITY_UNITS)],
  };
}

function addJourneyTotals(c: Contribution, journey: Journey): void {
  const first = journey.steps[0]!;
  const day = dayOf(first.at);
  const segments = segmentsOf(first.context);
  const last = journey.stays[journey.stays.length - 1]!.touchpoint;
  const reached = new Set(journey.stays.map((s) => s.touchpoint));
  const channels = new Set(journey.steps.map((s) => s.channel)).size;
  const experienced = experiencedConsistency(journey);
  for (const seg of segments) {
    for (const tp of reached) addMetric(c, rowKey(seg, day, tp), 'r', [1, +(tp === last)]);
    const key = rowKey(seg, day, JOURNEY_ROW);
    addMetric(c, key, 'j', [1]);
    addMetric(c, key, `s:${channels}`, [1]);
    if (experienced !== null) addMetric(c, key, 'x', [1, Math.round(experienced * EXPERIENCE_UNITS)]);
  }
}

/**
 * docs/metrics.md › Consistency › experienced consistency, within one journey: per experience dimension rated at two
 * or more touchpoints, 1 − popsd(this journey's touchpoint means) / 2, averaged over such dimensions (0–100).
 */
function experiencedConsistency(journey: Journey): number | null {
  const values: number[] = [];
  for (const dimension of EXPERIENCE_DIMENSIONS) {
    const sums = new Map<string, { n: number; sum: number }>();
    for (const { answer } of journey.answers) {
      const v = answer.scores[dimension];
      if (v === undefined) continue;
      const s = sums.get(answer.touchpoint) ?? { n: 0, sum: 0 };
      sums.set(answer.touchpoint, { n: s.n + 1, sum: s.sum + v });
    }
    const value = consistencyOfMeans([...sums.values()].map((s) => s.sum / s.n));
    if (value !== null) values.push(value);
  }
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** A site's journey types as the rules see them (docs/metrics.md › Journey types). */
export interface JourneyTypeRules {
  /** The default type's id. */
  default: string;
  /** Every type's id, in the site's order. */
  order: string[];
  /** Touchpoint key → the ids of the types it serves, in the site's order. */
  of: Record<string, string[]>;
}

/** The rollup segment of `segment` ('all', 'device:mobile', …) within one journey type. */
export const typedSegment = (type: string, segment: string) => `jt:${type}|${segment}`;

/** The types a touchpoint serves; one that serves none counts as the default's. */
const typesServed = (t: JourneyTypeRules, touchpoint: string): readonly string[] => {
  const list = t.of[touchpoint];
  return list?.length ? list : [t.default];
};
/** Where nothing earlier decides: the default when the touchpoint serves it, else its first type in the site's order. */
const fallbackType = (t: JourneyTypeRules, served: readonly string[]) =>
  served.includes(t.default) ? t.default : served[0]!;

/**
 * The journey type of each stay of a journey (docs/metrics.md › Journey types, the rule): a stay at a touchpoint that
 * serves one type has that type; at a touchpoint that serves several, the type of the latest earlier stay of the
 * journey whose touchpoint serves only one type, one of these; else the default (or the first type it serves).
 * Only earlier stays decide, so a stay that arrives in time order never changes the type of another.
 */
export function stayTypes(journey: Journey, t: JourneyTypeRules): string[] {
  const served = journey.stays.map((s) => typesServed(t, s.touchpoint));
  return served.map((own, i) => {
    if (own.length === 1) return own[0]!;
    for (let j = i - 1; j >= 0; j--) {
      const earlier = served[j]!;
      if (earlier.length === 1 && own.includes(earlier[0]!)) return earlier[0]!;
    }
    return fallbackType(t, own);
  });
}

/** Per answer id, the journey type of the visit it was given in (responses and exports filter by it). */
export function answerTypes(journeys: readonly Journey[], t: JourneyTypeRules): Map<string, string> {
  const out = new Map<string, string>();
  for (const j of journeys) {
    const types = stayTypes(j, t);
    for (const { answer, step } of j.answers) out.set(answer.id, types[step.stay]!);
  }
  return out;
}

/** The part of a journey spent at stays of one type: that type's journey (consecutive stays at one touchpoint join). */
function journeyOfType(journey: Journey, types: readonly string[], type: string): Journey | null {
  const steps: Step[] = [];
  const stays: Stay[] = [];
  const copies = new Map<Step, Step>();
  for (const step of journey.steps) {
    if (types[step.stay] !== type) continue;
    const copy = { ...step };
    if (stays[stays.length - 1]?.touchpoint !== step.touchpoint)
      stays.push({ touchpoint: step.touchpoint, first: copy, answers: [] });
    copy.stay = stays.length - 1;
    steps.push(copy);
    copies.set(step, copy);
  }
  if (!steps.length) return null;
  const answers = journey.answers
    .filter((a) => copies.has(a.step))
    .map(({ answer, step }) => ({ answer, step: copies.get(step)! }));
  for (const a of answers) stays[a.step.stay]!.answers.push(a.answer);
  return { stays, steps, answers };
}

/**
 * The same contribution per journey type, on the rows of `typedSegment(type, segment)`: each type's journeys (above)
 * and the prompts shown in its visits (a prompt no visit explains: its touchpoint's default or first type).
 */
function addTyped(
  c: Contribution,
  journeys: readonly Journey[],
  prompts: readonly StoredPrompt[],
  rules: JourneyRules,
  t: JourneyTypeRules,
): void {
  const byType = new Map<string, { journeys: Journey[]; prompts: StoredPrompt[] }>();
  const group = (type: string) => byType.get(type) ?? byType.set(type, { journeys: [], prompts: [] }).get(type)!;
  const typeOfStep = new Map<Step, string>();
  for (const j of journeys) {
    const types = stayTypes(j, t);
    for (const s of j.steps) typeOfStep.set(s, types[s.stay]!);
    for (const type of new Set(types)) group(type).journeys.push(journeyOfType(j, types, type)!);
  }
  const window = rules.windowDays * DAY_MS;
  for (const p of prompts) {
    let visit: Step | undefined;
    for (const j of journeys)
      for (const s of j.steps)
        if (s.real && s.touchpoint === p.touchpoint && s.at <= p.at && (!visit || s.at >= visit.at)) visit = s;
    const type =
      visit && Date.parse(p.at) - Date.parse(visit.at) <= window
        ? typeOfStep.get(visit)!
        : fallbackType(t, typesServed(t, p.touchpoint));
    group(type).prompts.push(p);
  }
  for (const [type, g] of byType) {
    const part: Contribution = new Map();
    for (const j of g.journeys) addJourney(part, j);
    addPrompts(part, g.journeys, g.prompts, rules);
    for (const [key, metrics] of part) {
      const { segment, day, touchpoint } = parseRowKey(key);
      for (const [metric, v] of metrics) addMetric(c, rowKey(typedSegment(type, segment), day, touchpoint), metric, v);
    }
  }
}
