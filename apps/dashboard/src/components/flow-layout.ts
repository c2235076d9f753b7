// Layout of the journey flow (docs/metrics.md › Connectivity, transition graph): one column per stage, a stage's
// touchpoints stacked in it, and every transition exactly one link. Forward moves run between columns; a move
// within a stage is a bracket beside its column (down on the right, up on the left, so a stage's loop reads
// clockwise); a move back to an earlier stage, or to the same touchpoint, loops under the columns.
import type { Overview } from '@throughline/schema';

export type Transition = Overview['connectivity']['transitions'][number];
export interface FlowTouchpoint {
  key: string;
  name: string;
  stage: string;
}
/** forward: to a later stage; within: to another touchpoint of the same stage; back: to an earlier stage;
 * loop: to the same touchpoint. */
export type LinkKind = 'forward' | 'within' | 'back' | 'loop';

export interface FlowNode extends FlowTouchpoint {
  col: number;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The name wrapped to at most two lines. */
  lines: string[];
  movesIn: number;
  movesOut: number;
}
export interface FlowLink {
  t: Transition;
  kind: LinkKind;
  width: number;
  /** SVG path of the link's centre line (drawn as a stroke of `width`). */
  d: string;
  /** Where the link enters its target, and which way it points there (arrowheads on everything not forward). */
  end: { x: number; y: number; dir: 1 | -1 };
}
export interface FlowLayout {
  width: number;
  height: number;
  columns: { stage: string; x: number }[];
  /** In stage order, top to bottom within a stage. */
  nodes: FlowNode[];
  links: FlowLink[];
}

/** Stage of a touchpoint a transition names but the journey no longer has (deleted since). */
export const UNKNOWN_STAGE = 'Not in the journey';

const HEADER = 30;
const NODE_GAP = 28;
const LANE_GAP = 6;
const ARC_GAP = 4;
/**
 * How big things are drawn. `regular` suits a wide card; `compact` (narrower boxes, thinner links, closer columns)
 * lets six stages fit a card 660–1150 px wide without a sideways scroll. The busiest column's moves get at most
 * `maxCol` px, and the biggest link at most `maxLink`; names wrap at about `chars` characters.
 */
export interface FlowSize {
  nodeW: number;
  minGap: number;
  maxCol: number;
  maxLink: number;
  chars: number;
}
export const REGULAR: FlowSize = { nodeW: 124, minGap: 92, maxCol: 260, maxLink: 84, chars: 17 };
export const COMPACT: FlowSize = { nodeW: 96, minGap: 44, maxCol: 150, maxLink: 44, chars: 12 };
const MIN_LINK = 2;
const LINE_H = 14;
const CHARS_PER_LINE = 17;

/** How a link is drawn: between columns, as a bracket on the right (down) or left (up) of its column, or under all. */
type Route = 'forward' | 'right' | 'left' | 'lane';

/** Splits a name into at most two lines of about `max` characters, at spaces where possible. */
export function wrapName(name: string, max = CHARS_PER_LINE): string[] {
  if (name.length <= max) return [name];
  const cut = name.lastIndexOf(' ', max);
  const first = cut > 0 ? name.slice(0, cut) : `${name.slice(0, max - 1)}-`;
  const rest = name.slice(cut > 0 ? cut + 1 : max - 1);
  return [first, rest.length <= max ? rest : `${rest.slice(0, max - 1)}…`];
}

export function layoutFlow(
  stages: string[],
  touchpoints: FlowTouchpoint[],
  transitions: Transition[],
  size: FlowSize = REGULAR,
): FlowLayout {
  const { nodeW: NODE_W, minGap: MIN_GAP, maxCol: MAX_COL, maxLink: MAX_LINK } = size;
  // Columns: the site's stage order, then stages it no longer lists, then touchpoints only transitions name.
  const tps = new Map<string, FlowTouchpoint>(
    touchpoints.map((t) => [t.key, { key: t.key, name: t.name, stage: t.stage }]),
  );
  for (const t of transitions)
    for (const k of [t.from, t.to]) if (!tps.has(k)) tps.set(k, { key: k, name: k, stage: UNKNOWN_STAGE });
  const order = [...stages];
  for (const t of tps.values()) if (!order.includes(t.stage)) order.push(t.stage);
  const used = order.filter((s) => [...tps.values()].some((t) => t.stage === s));

  const moves = (k: string, side: 'from' | 'to') => transitions.reduce((a, t) => a + (t[side] === k ? t.count : 0), 0);
  const nodes: FlowNode[] = [...tps.values()].map((t) => {
    const lines = wrapName(t.name, size.chars);
    return {
      ...t,
      col: used.indexOf(t.stage),
      x: 0,
      y: 0,
      w: NODE_W,
      h: lines.length * LINE_H + 10,
      lines,
      movesIn: moves(t.key, 'to'),
      movesOut: moves(t.key, 'from'),
    };
  });
  // Within a stage, the busiest touchpoint on top.
  const busy = (n: FlowNode) => Math.max(n.movesIn, n.movesOut);
  nodes.sort((a, b) => a.col - b.col || busy(b) - busy(a) || a.name.localeCompare(b.name));
  const node = new Map(nodes.map((n) => [n.key, n]));
  const index = new Map(nodes.map((n, i) => [n.key, i]));
  const cols = used.map((_, c) => nodes.filter((n) => n.col === c));

  const maxCol = Math.max(1, ...cols.map((ns) => ns.reduce((a, n) => a + busy(n), 0)));
  const maxCount = Math.max(1, ...transitions.map((t) => t.count));
  const scale = Math.min(MAX_COL / maxCol, MAX_LINK / maxCount);
  const links: FlowLink[] = transitions.map((t) => {
    const a = node.get(t.from)!.col;
    const b = node.get(t.to)!.col;
    const kind = t.from === t.to ? 'loop' : b > a ? 'forward' : b < a ? 'back' : 'within';
    return { t, kind, width: Math.max(MIN_LINK, t.count * scale), d: '', end: { x: 0, y: 0, dir: 1 } };
  });
  const route = (l: FlowLink): Route =>
    l.kind === 'forward'
      ? 'forward'
      : l.kind === 'within'
        ? index.get(l.t.to)! > index.get(l.t.from)!
          ? 'right'
          : 'left'
        : 'lane';
  const rightOf = (n: FlowNode) =>
    links.filter((l) => (l.t.from === n.key && route(l) !== 'left') || (l.t.to === n.key && route(l) === 'right'));
  const leftOf = (n: FlowNode) =>
    links.filter((l) => (l.t.to === n.key && route(l) !== 'right') || (l.t.from === n.key && route(l) === 'left'));
  const sum = (ls: FlowLink[]) => ls.reduce((a, l) => a + l.width, 0);

  // Heights hold every link on each side; each column is centred on the tallest.
  for (const n of nodes) n.h = Math.max(n.h, sum(rightOf(n)), sum(leftOf(n)));
  const colH = cols.map((ns) => ns.reduce((a, n) => a + n.h, 0) + NODE_GAP * Math.max(0, ns.length - 1));
  const bodyH = Math.max(...colH, 40);
  cols.forEach((ns, c) => {
    let y = HEADER + (bodyH - colH[c]!) / 2;
    for (const n of ns) {
      n.y = y;
      y += n.h + NODE_GAP;
    }
  });
  const mid = (k: string) => node.get(k)!.y + node.get(k)!.h / 2;
  const span = (l: FlowLink) =>
    route(l) === 'lane' ? node.get(l.t.from)!.col - node.get(l.t.to)!.col : Math.abs(mid(l.t.to) - mid(l.t.from));

  // Offsets from the column edge, inner first: brackets by span, then the lanes' verticals outside them.
  // Lanes under the columns: shorter spans on inner lanes, so arcs nest instead of crossing.
  const rightExt = used.map(() => 0);
  const leftExt = used.map(() => 0);
  const off = new Map<FlowLink, { out: number; in: number }>();
  const lane = new Map<FlowLink, number>();
  const place = (ext: number[], c: number, w: number) => {
    const k = 8 + ext[c]! + w / 2;
    ext[c]! += w + ARC_GAP;
    return k;
  };
  const byRoute = (r: Route) =>
    links.filter((l) => route(l) === r).sort((p, q) => span(p) - span(q) || q.t.count - p.t.count);
  for (const l of byRoute('right')) off.set(l, { out: place(rightExt, node.get(l.t.from)!.col, l.width), in: 0 });
  for (const l of byRoute('left')) off.set(l, { out: place(leftExt, node.get(l.t.from)!.col, l.width), in: 0 });
  // Forward moves that skip stages pass the skipped columns between their touchpoints where there is room, else
  // under them (nearest the columns), so they never run behind a touchpoint they do not visit.
  let laneY = HEADER + bodyH + 18;
  const via = new Map<FlowLink, number>();
  for (const l of byRoute('forward').filter((l) => node.get(l.t.to)!.col - node.get(l.t.from)!.col > 1)) {
    const [a, b] = [node.get(l.t.from)!.col, node.get(l.t.to)!.col];
    let y = freeLane(cols.slice(a + 1, b), l.width, (mid(l.t.from) + mid(l.t.to)) / 2, HEADER, HEADER + bodyH + 12);
    if (y === undefined) {
      y = laneY + l.width / 2;
      laneY += l.width + LANE_GAP;
    }
    via.set(l, y);
  }
  for (const l of byRoute('lane')) {
    off.set(l, {
      out: place(rightExt, node.get(l.t.from)!.col, l.width),
      in: place(leftExt, node.get(l.t.to)!.col, l.width),
    });
    lane.set(l, laneY + l.width / 2);
    laneY += l.width + LANE_GAP;
  }

  const columns: FlowLayout['columns'] = [];
  let x = 4 + (leftExt[0] ? leftExt[0] + 8 : 0);
  used.forEach((stage, c) => {
    if (c > 0) x += Math.max(MIN_GAP, rightExt[c - 1]! + leftExt[c]! + 28);
    columns.push({ stage, x });
    for (const n of cols[c]!) n.x = x;
    if (c < used.length - 1) x += NODE_W;
  });
  const last = used.length - 1;
  const width = x + NODE_W + 4 + (rightExt[last] ? rightExt[last]! + 8 : 0);

  // Where links attach on each side, top to bottom, so that they cross as little as possible: on the right,
  // brackets arriving from above, forward moves (by target), lanes (outer first), brackets leaving downwards;
  // on the left, brackets leaving upwards, forward moves (by source), lanes, brackets arriving from below.
  const at = new Map<FlowLink, { s: number; t: number }>();
  const stack = (
    n: FlowNode,
    ls: FlowLink[],
    rank: (l: FlowLink) => [number, number],
    end: (l: FlowLink) => 's' | 't',
  ) => {
    let y = n.y + (n.h - sum(ls)) / 2;
    for (const l of [...ls].sort((p, q) => rank(p)[0] - rank(q)[0] || rank(p)[1] - rank(q)[1])) {
      at.set(l, { s: 0, t: 0, ...at.get(l), [end(l)]: y + l.width / 2 });
      y += l.width;
    }
  };
  for (const n of nodes) {
    stack(
      n,
      rightOf(n),
      (l) => {
        const r = route(l);
        if (r === 'right') return l.t.to === n.key ? [0, span(l)] : [3, -span(l)];
        return r === 'forward' ? [1, via.get(l) ?? mid(l.t.to)] : [2, -lane.get(l)!];
      },
      (l) => (route(l) === 'right' && l.t.to === n.key ? 't' : 's'),
    );
    stack(
      n,
      leftOf(n),
      (l) => {
        const r = route(l);
        if (r === 'left') return l.t.from === n.key ? [0, span(l)] : [3, -span(l)];
        return r === 'forward' ? [1, via.get(l) ?? mid(l.t.from)] : [2, -lane.get(l)!];
      },
      (l) => (route(l) === 'left' && l.t.from === n.key ? 's' : 't'),
    );
  }

  for (const l of links) {
    const s = node.get(l.t.from)!;
    const t = node.get(l.t.to)!;
    const { s: sy, t: ty } = at.get(l)!;
    const r = route(l);
    if (r === 'forward') {
      const y = via.get(l);
      const [xa, xb] = [columns[s.col + 1]!.x, columns[t.col - 1]!.x + NODE_W];
      l.d =
        y === undefined
          ? curve(s.x + s.w, sy, t.x, ty)
          : `${curve(s.x + s.w, sy, xa, y)}H${xb}${curve(xb, y, t.x, ty).slice(`M${xb},${y}`.length)}`;
      l.end = { x: t.x, y: ty, dir: 1 };
    } else if (r === 'lane') {
      l.d = lanePath(s.x + s.w, sy, t.x, ty, lane.get(l)!, off.get(l)!);
      l.end = { x: t.x, y: ty, dir: 1 };
    } else {
      const edge = r === 'right' ? s.x + s.w : s.x;
      const dir = r === 'right' ? 1 : -1;
      l.d = bracketPath(edge, sy, ty, dir * off.get(l)!.out);
      l.end = { x: edge, y: ty, dir: r === 'right' ? -1 : 1 };
    }
  }
  return { width, height: laneY + 4, columns, nodes, links };
}

/** An S-curve from one point to another further right. */
function curve(sx: number, sy: number, tx: number, ty: number): string {
  const mx = (sx + tx) / 2;
  return `M${sx},${sy}C${mx},${sy} ${mx},${ty} ${tx},${ty}`;
}

/** For a forward move that skips columns: the height nearest `ideal` at which a band of `w` passes every skipped
 * column between or beside its touchpoints rather than behind them; undefined when there is none. */
function freeLane(skipped: FlowNode[][], w: number, ideal: number, top: number, bottom: number): number | undefined {
  let free: [number, number][] = [[top, bottom]];
  for (const ns of skipped) {
    const gaps: [number, number][] = [];
    let y = top;
    for (const n of ns) {
      gaps.push([y, n.y - 4]);
      y = n.y + n.h + 4;
    }
    gaps.push([y, bottom]);
    free = free
      .flatMap(([a, b]) => gaps.map(([c, d]): [number, number] => [Math.max(a, c), Math.min(b, d)]))
      .filter(([a, b]) => b - a >= w);
  }
  const centres = free.map(([a, b]) => Math.min(Math.max(ideal, a + w / 2), b - w / 2));
  return centres.sort((p, q) => Math.abs(p - ideal) - Math.abs(q - ideal))[0];
}

/** Out sideways by `k` (negative: to the left), along the column, and back into the same edge. */
function bracketPath(x: number, sy: number, ty: number, k: number): string {
  const xo = x + k;
  const dy = Math.sign(ty - sy);
  const r = Math.min(12, Math.abs(k), Math.abs(ty - sy) / 2);
  const rx = Math.sign(k) * r;
  return `M${x},${sy}H${xo - rx}Q${xo},${sy} ${xo},${sy + dy * r}V${ty - dy * r}Q${xo},${ty} ${xo - rx},${ty}H${x}`;
}

/** Right from the source, down to the lane, left under the columns, up, and right into the target. */
function lanePath(sx: number, sy: number, tx: number, ty: number, ly: number, k: { out: number; in: number }): string {
  const xo = sx + k.out;
  const xi = tx - k.in;
  const r1 = Math.min(12, k.out, (ly - sy) / 2);
  const r2 = Math.min(12, k.in, (ly - ty) / 2);
  return [
    `M${sx},${sy}H${xo - r1}Q${xo},${sy} ${xo},${sy + r1}`,
    `V${ly - r1}Q${xo},${ly} ${xo - r1},${ly}`,
    `H${xi + r2}Q${xi},${ly} ${xi},${ly - r2}`,
    `V${ty + r2}Q${xi},${ty} ${xi + r2},${ty}H${tx}`,
  ].join('');
}
