// The words for one move of the journey flow, shared by the chart's readout, its links' labels and the list.
import { count, countOf, fmt } from './score';
import type { LinkKind, Transition } from './flow-layout';

export const KIND_LABELS: Record<LinkKind, string> = {
  forward: 'to a later stage',
  within: 'within the stage',
  back: 'back to an earlier stage',
  loop: 'back to the same touchpoint',
};

/** `−31`, `+6`, `±0`: a quality change in score points. */
export const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${fmt(Math.abs(v))}`;

function handoffText(t: Transition): string {
  return t.handoff == null
    ? `handoff: not enough answers (${t.handoffN})`
    : `handoff ${fmt(t.handoff)} (${countOf(t.handoffN, 'answer')})`;
}

function deltaText(t: Transition): string {
  return t.delta == null
    ? 'quality change: too few rated both'
    : `quality change ${signed(t.delta)} (${count(t.deltaN)} rated both)`;
}

/** `Cart → Checkout: 165 moves, handoff 65 (60 answers), quality change −31 (23 rated both), next stage`. */
export function moveText(t: Transition, name: (key: string) => string, kind?: LinkKind): string {
  const parts = [`${name(t.from)} → ${name(t.to)}: ${countOf(t.count, 'move')}`, handoffText(t), deltaText(t)];
  if (kind && kind !== 'forward') parts.push(KIND_LABELS[kind]);
  return parts.join(', ');
}
