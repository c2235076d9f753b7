// How a touchpoint's answers spread over the 1–5 scale, per dimension: the same mean can hide agreement or a split
// (half delighted, half let down). One stacked bar per dimension, 1 (red) to 5 (green), with the counts as text.
import type { TouchpointScores } from '@throughline/schema';
import { useState } from 'preact/hooks';
import { count, dimLabel } from './score';

const POINTS = [1, 2, 3, 4, 5] as const;
/** Hues of the scale points, as the score colours run (red → green). */
const HUES = [4, 24, 40, 96, 150];

export function AnswerSpread({ touchpoints }: { touchpoints: TouchpointScores[] }) {
  const rated = touchpoints.filter((t) => Object.values(t.histograms).some((h) => h.some((c) => c > 0)));
  const [key, setKey] = useState<string>();
  const tp = rated.find((t) => t.key === key) ?? rated[0];
  if (!tp) return null;
  const dims = Object.entries(tp.histograms).filter(([, h]) => h.some((c) => c > 0));
  return (
    <section class="section card spread" aria-labelledby="spread-h">
      <div class="editor-head">
        <h2 id="spread-h">How answers spread</h2>
        <div class="field-inline">
          <label for="spread-tp">Touchpoint</label>
          <select id="spread-tp" value={tp.key} onChange={(e) => setKey((e.currentTarget as HTMLSelectElement).value)}>
            {rated.map((t) => (
              <option key={t.key} value={t.key}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p class="muted">
        Answers at each point of the scale, 1 (left) to 5 (right). A split shows as both ends wide and little in
        between.
      </p>
      <ul class="spread-list">
        {dims.map(([d, h]) => {
          const total = h.reduce((a, b) => a + b, 0);
          const text = POINTS.map((p, i) => `${p}: ${count(h[i]!)}`).join(', ');
          return (
            <li key={d} class="spread-row" data-testid={`spread-${d}`}>
              <span class="dim-label">{dimLabel(d)}</span>
              <span class="spread-bar" role="img" aria-label={`${dimLabel(d)}, ${count(total)} answers: ${text}`}>
                {POINTS.map((p, i) =>
                  h[i]! > 0 ? (
                    <span
                      key={p}
                      class="spread-part tone"
                      style={{ '--h': String(HUES[i]), width: `${(100 * h[i]!) / total}%` }}
                      title={`${p}: ${count(h[i]!)}`}
                    />
                  ) : null,
                )}
              </span>
              <span class="spread-text muted">{text}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
