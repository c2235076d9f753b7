// Priorities: loyalty drivers (docs/metrics.md › Derived importance) beside stated importance, and the touchpoints
// whose quality lies far below the site's, which are flagged whether or not any importance is known.
import type { TouchpointScores } from '@throughline/schema';
import { ScrollBox } from './scroll-box';
import { count, fmt, hueStyle } from './score';
import { TouchpointLink } from './touchpoint-link';

const OUTCOME = { behavioral: 'Intent answer', return: 'Came back' } as const;

/** The importance cell: the number, and "derived" where it comes from loyalty rather than visitors' own answers. */
export function ImportanceValue({ t }: { t: TouchpointScores }) {
  if (t.importance == null) return <>—</>;
  return (
    <>
      {fmt(t.importance)}
      {t.importanceSource === 'derived' && (
        <span
          class="badge badge-neutral derived-badge"
          title="Derived from loyalty: the prompt does not ask importance"
        >
          derived
        </span>
      )}
    </>
  );
}

export function LoyaltyDrivers({ touchpoints, minN }: { touchpoints: TouchpointScores[]; minN: number }) {
  const rows = [...touchpoints].sort((a, b) => (b.derivedImportance.value ?? -1) - (a.derivedImportance.value ?? -1));
  if (!rows.some((t) => t.derivedImportance.n > 0)) return null;
  if (!rows.some((t) => t.derivedImportance.value != null))
    return (
      <section class="section" aria-labelledby="drivers-h">
        <h2 id="drivers-h">Loyalty drivers</h2>
        <p class="muted">
          Not yet: derived importance needs {minN} rated journeys per touchpoint whose loyalty differs (some visitors
          give a higher intent answer, or come back, than others).
        </p>
      </section>
    );
  return (
    <section class="section" aria-labelledby="drivers-h">
      <h2 id="drivers-h">Loyalty drivers</h2>
      <p class="muted">
        How strongly each touchpoint's quality goes with loyalty: the intent answer where it is asked, else whether the
        visitor came back a day or more later in the same journey. 100 × the correlation (0 when negative); shown once{' '}
        {minN} rated journeys have an outcome that varies.
      </p>
      <ScrollBox label="Loyalty drivers table">
        <table class="data stack" data-testid="loyalty-drivers">
          <thead>
            <tr>
              <th>Touchpoint</th>
              <th class="num">Derived</th>
              <th class="num">95% interval</th>
              <th class="num">Stated</th>
              <th>Outcome</th>
              <th class="num">Journeys</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((t) => {
              const d = t.derivedImportance;
              return (
                <tr key={t.key}>
                  <td class="stack-title">
                    <strong>
                      <TouchpointLink tpKey={t.key}>{t.name}</TouchpointLink>
                    </strong>
                  </td>
                  <td class="num" data-label="Derived">
                    {d.value == null ? 'not enough' : fmt(d.value)}
                  </td>
                  <td class="num" data-label="95% interval">
                    {d.ci ? `${fmt(d.ci[0])}–${fmt(d.ci[1])}` : '—'}
                  </td>
                  <td class="num" data-label="Stated">
                    {t.scores.importance?.value != null ? fmt(t.scores.importance.value) : '—'}
                  </td>
                  <td data-label="Outcome">{OUTCOME[d.outcome]}</td>
                  <td class="num" data-label="Journeys">
                    {count(d.n)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}

export function FarBelow({ touchpoints }: { touchpoints: TouchpointScores[] }) {
  const far = touchpoints.filter((t) => t.farBelow && t.quality != null);
  if (!far.length) return null;
  const rated = touchpoints.filter((t) => t.quality != null);
  const mean = rated.reduce((a, t) => a + t.quality!, 0) / rated.length;
  return (
    <section class="section" aria-labelledby="far-below-h" data-testid="far-below">
      <h2 id="far-below-h">Far below the site</h2>
      <p class="muted">
        Quality more than one standard deviation and 10 points under the mean of all touchpoints ({fmt(mean)}), whatever
        their importance.
      </p>
      <ul class="far-below">
        {far.map((t) => (
          <li key={t.key}>
            <strong>
              <TouchpointLink tpKey={t.key}>{t.name}</TouchpointLink>
            </strong>
            : quality{' '}
            <span class="score-chip tone" style={hueStyle(t.quality)}>
              {fmt(t.quality!)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
