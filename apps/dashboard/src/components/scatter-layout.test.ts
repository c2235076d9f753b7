// The priorities scatter's labels: never past the drawing's edges (at desktop and phone sizes), never on top of each other.
import { describe, expect, it } from 'vitest';
import { placeLabels, scatterGeometry } from './scatter-layout';

const pt = (name: string, quality: number, importance: number, n = 50) => ({ name, quality, importance, n });

describe('scatter labels', () => {
  const pts = [
    pt('Parcel tracking (SwiftShip)', 99, 60),
    pt('Shop counter (QR)', 1, 40),
    pt('Home page', 50, 50),
    pt('A very long touchpoint name indeed', 55, 80),
  ];

  for (const width of [640, 366, 280]) {
    it(`keeps every shown label inside a drawing ${width} wide, at either edge`, () => {
      const g = scatterGeometry(width);
      expect(g.W).toBe(width);
      for (const { t, r, right, show } of placeLabels(pts, g)) {
        if (!show) continue;
        // x by hand: 48 px left margin, 16 px right, the rest for 0–100
        const cx = 48 + (t.quality / 100) * (width - 48 - 16);
        const w = t.name.length * 7.2;
        const [x0, x1] = right ? [cx - r - 4 - w, cx - r - 4] : [cx + r + 4, cx + r + 4 + w];
        expect(x0, t.name).toBeGreaterThanOrEqual(0);
        expect(x1, t.name).toBeLessThanOrEqual(width);
      }
    });
  }

  it('puts the label of a point at the right edge to its left rather than off the chart', () => {
    expect(placeLabels(pts, scatterGeometry(640))[0]).toMatchObject({ right: true, show: true });
  });

  it('moves a label to the free side, and leaves it out when both sides are taken', () => {
    const [a, b, c] = placeLabels([pt('Checkout', 40, 60), pt('Cart', 40.5, 60.5), pt('Basket', 41, 60)]);
    expect([a!.show, b!.show]).toEqual([true, true]);
    expect(a!.right).not.toBe(b!.right);
    expect(c!.show).toBe(false);
  });
});
