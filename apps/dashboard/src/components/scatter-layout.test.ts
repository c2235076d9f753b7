// The priorities scatter's labels: never past the drawing's edges, never on top of each other.
import { describe, expect, it } from 'vitest';
import { placeLabels, W } from './scatter-layout';

const pt = (name: string, quality: number, importance: number, n = 50) => ({ name, quality, importance, n });

describe('scatter labels', () => {
  it('keeps every shown label inside the drawing, at either edge', () => {
    const pts = [pt('Parcel tracking (SwiftShip)', 99, 60), pt('Shop counter (QR)', 1, 40), pt('Home page', 50, 50), pt('A very long touchpoint name indeed', 55, 80)];
    for (const { t, r, right, show } of placeLabels(pts)) {
      if (!show) continue;
      const cx = 48 + (t.quality / 100) * (640 - 48 - 16);
      const w = t.name.length * 7.2;
      const [x0, x1] = right ? [cx - r - 4 - w, cx - r - 4] : [cx + r + 4, cx + r + 4 + w];
      expect(x0, t.name).toBeGreaterThanOrEqual(0);
      expect(x1, t.name).toBeLessThanOrEqual(W);
    }
    // the right-edge point's label goes to its left rather than off the chart
    expect(placeLabels(pts)[0]).toMatchObject({ right: true, show: true });
  });

  it('moves a label to the free side, and leaves it out when both sides are taken', () => {
    const [a, b, c] = placeLabels([pt('Checkout', 40, 60), pt('Cart', 40.5, 60.5), pt('Basket', 41, 60)]);
    expect(a).toMatchObject({ show: true, right: false });
    expect(b).toMatchObject({ show: true, right: true });
    expect(c!.show).toBe(false);
  });
});
