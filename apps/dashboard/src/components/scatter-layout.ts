// Geometry of the priorities scatter (importance against quality, 0–100 each) and where its labels go.
// The drawing is as many units wide as the card is pixels (up to 640), so its text keeps its size on a phone
// instead of shrinking with a 640-wide drawing, and nothing has to scroll sideways.

export interface ScatterGeometry {
  W: number;
  H: number;
  PAD: { l: number; r: number; t: number; b: number };
  x: (quality: number) => number;
  y: (importance: number) => number;
}

export function scatterGeometry(width = 640): ScatterGeometry {
  const W = Math.round(Math.max(280, Math.min(640, width)));
  const H = W >= 560 ? 420 : Math.round(W * 0.85);
  const PAD = { l: 48, r: 16, t: 16, b: 44 };
  return {
    W,
    H,
    PAD,
    x: (q) => PAD.l + (q / 100) * (W - PAD.l - PAD.r),
    y: (i) => H - PAD.b - (i / 100) * (H - PAD.t - PAD.b),
  };
}

/** Place each point's label beside it (left of points near the right edge); labels that would overlap another label or point are left out, the rank number in the circle still names the point. */
export function placeLabels<T extends { quality: number; importance: number; n: number; name: string }>(
  pts: T[],
  { W, PAD, x, y }: ScatterGeometry = scatterGeometry(),
) {
  const circles = pts.map((t) => ({ cx: x(t.quality), cy: y(t.importance), r: 9 + Math.min(6, Math.sqrt(t.n) / 6) }));
  const boxes: { x0: number; x1: number; y0: number; y1: number }[] = [];
  const hits = (b: { x0: number; x1: number; y0: number; y1: number }) =>
    boxes.some((o) => o.x0 < b.x1 && b.x0 < o.x1 && o.y0 < b.y1 && b.y0 < o.y1) ||
    circles.some((c) => c.cx + c.r > b.x0 && c.cx - c.r < b.x1 && c.cy + c.r > b.y0 && c.cy - c.r < b.y1);
  return pts.map((t, i) => {
    const { cx, cy, r } = circles[i]!;
    // a generous width per character (11.5px, weight 560), so that an estimate never falls short of the drawn text
    const w = t.name.length * 7.2;
    const box = (rt: boolean) => ({
      x0: rt ? cx - r - 4 - w : cx + r + 4,
      x1: rt ? cx - r - 4 : cx + r + 4 + w,
      y0: cy - 7,
      y1: cy + 7,
    });
    // a label never leaves the drawing: a side whose box would cross the edge is not a place for it
    const inside = (b: { x0: number; x1: number }) => b.x0 >= 0 && b.x1 <= W;
    const sides = [cx + r + 4 + w > W - PAD.r, cx + r + 4 + w <= W - PAD.r].filter((rt) => inside(box(rt)));
    const right = sides.find((rt) => !hits(box(rt))) ?? sides[0] ?? false;
    const b = box(right);
    const show = inside(b) && !hits(b);
    if (show) boxes.push(b);
    return { t, r, right, ly: cy + 4, show, rank: i + 1 };
  });
}
