// The journey flow's layout: stage columns in the site's order, every transition exactly one link of the right
// kind, widths by moves, and moves back or within a stage routed outside the columns.
import { describe, expect, it } from 'vitest';
import { layoutFlow, UNKNOWN_STAGE, wrapName, type Transition } from './flow-layout';

const STAGES = ['Awareness', 'Consideration', 'Purchase', 'Support'];
const TPS = [
  // Deliberately not in stage order (the overview lists touchpoints in its own order).
  { key: 'checkout', name: 'Checkout', stage: 'Purchase' },
  { key: 'help', name: 'Help centre', stage: 'Support' },
  { key: 'product', name: 'Product page', stage: 'Consideration' },
  { key: 'size', name: 'Size guide', stage: 'Consideration' },
  { key: 'home', name: 'Home page', stage: 'Awareness' },
];
const move = (from: string, to: string, count: number, handoff: number | null = 70): Transition => ({
  from,
  to,
  count,
  handoff,
  handoffN: 10,
  delta: null,
  deltaN: 0,
});
const MOVES = [
  move('home', 'product', 300),
  move('product', 'checkout', 120),
  move('product', 'size', 80),
  move('size', 'product', 30),
  move('checkout', 'help', 20, null),
  move('help', 'home', 15),
  move('home', 'help', 10),
];

describe('layoutFlow', () => {
  const layout = layoutFlow(STAGES, TPS, MOVES);
  const node = (k: string) => layout.nodes.find((n) => n.key === k)!;
  const link = (from: string, to: string) => layout.links.filter((l) => l.t.from === from && l.t.to === to);

  it('puts one column per stage in the site order, each touchpoint in its stage', () => {
    expect(layout.columns.map((c) => c.stage)).toEqual(STAGES);
    expect(layout.nodes.map((n) => n.key)).toEqual(['home', 'product', 'size', 'checkout', 'help']);
    const xs = layout.columns.map((c) => c.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    for (const n of layout.nodes) expect(n.x).toBe(layout.columns[STAGES.indexOf(n.stage)]!.x);
    // Stacked: the busier touchpoint of a stage on top, never overlapping.
    expect(node('product').y + node('product').h).toBeLessThan(node('size').y);
  });

  it('draws every transition exactly once, with its kind', () => {
    expect(layout.links).toHaveLength(MOVES.length);
    for (const m of MOVES) expect(link(m.from, m.to)).toHaveLength(1);
    expect(link('home', 'product')[0]!.kind).toBe('forward');
    expect(link('product', 'size')[0]!.kind).toBe('within');
    expect(link('size', 'product')[0]!.kind).toBe('within');
    expect(link('help', 'home')[0]!.kind).toBe('back');
    expect(layout.links.every((l) => l.d.startsWith('M'))).toBe(true);
  });

  it('makes link width follow moves', () => {
    const w = (f: string, t: string) => link(f, t)[0]!.width;
    expect(w('home', 'product')).toBeGreaterThan(w('product', 'checkout'));
    expect(w('product', 'checkout') / w('home', 'product')).toBeCloseTo(120 / 300, 5);
    expect(Math.min(...layout.links.map((l) => l.width))).toBeGreaterThanOrEqual(2);
  });

  it('routes a move back to an earlier stage under every column and into the target from the left', () => {
    const back = link('help', 'home')[0]!;
    const bottom = Math.max(...layout.nodes.map((n) => n.y + n.h));
    const ys = [...back.d.matchAll(/V(-?[\d.]+)/g)].map((m) => Number(m[1]));
    expect(Math.max(...ys)).toBeGreaterThan(bottom);
    expect(back.end).toMatchObject({ x: node('home').x, dir: 1 });
    expect(layout.height).toBeGreaterThan(bottom + back.width);
  });

  it('runs a forward move that skips stages past the skipped touchpoints, never behind them', () => {
    const skip = link('home', 'help')[0]!;
    const y = Number(/,(-?[\d.]+)H/.exec(skip.d)![1]);
    for (const n of layout.nodes.filter((n) => n.col > 0 && n.col < 3)) {
      expect(y + skip.width / 2 <= n.y || y - skip.width / 2 >= n.y + n.h, n.key).toBe(true);
    }
  });

  it('draws a move within a stage beside its column: down on the right, up on the left', () => {
    const down = link('product', 'size')[0]!;
    const up = link('size', 'product')[0]!;
    expect(down.end).toMatchObject({ x: node('size').x + node('size').w, dir: -1 });
    expect(up.end).toMatchObject({ x: node('product').x, dir: 1 });
  });

  it('still draws a transition whose touchpoint left the journey, in a column of its own', () => {
    const l = layoutFlow(STAGES, TPS, [...MOVES, move('gone', 'home', 5)]);
    expect(l.links).toHaveLength(MOVES.length + 1);
    expect(l.columns.at(-1)!.stage).toBe(UNKNOWN_STAGE);
    expect(l.nodes.find((n) => n.key === 'gone')!.stage).toBe(UNKNOWN_STAGE);
  });

  it('lays out a journey without moves, and a loop to the same touchpoint', () => {
    expect(layoutFlow(STAGES, TPS, []).links).toEqual([]);
    const l = layoutFlow(STAGES, TPS, [move('help', 'help', 4)]);
    expect(l.links[0]!.kind).toBe('loop');
    expect(l.links[0]!.end.x).toBe(l.nodes.find((n) => n.key === 'help')!.x);
  });

  it('wraps long names onto two lines', () => {
    expect(wrapName('Cart')).toEqual(['Cart']);
    expect(wrapName('Parcel tracking (SwiftShip)')).toEqual(['Parcel tracking', '(SwiftShip)']);
    expect(wrapName('A very long touchpoint name indeed', 17)[1]!.endsWith('…')).toBe(true);
  });
});
