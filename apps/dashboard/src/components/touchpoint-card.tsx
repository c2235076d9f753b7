// A touchpoint on the journey map: name, one status (card-status.ts precedence), quality, n, one bar per dimension,
// the other facts as notes, and its exits.
import type { TouchpointScores } from '@throughline/schema';
import type { Exits, StatusFact } from './card-status';
import { band, count, countOf, DimensionBar, hueStyle, pct, ScoreText } from './score';
import { TouchpointLink } from './touchpoint-link';

const ORDER = ['sensorial', 'affective', 'cognitive', 'relational', 'behavioral', 'importance', 'handoff'];
const rank = (d: string) => (ORDER.includes(d) ? ORDER.indexOf(d) : ORDER.length);
export const CHANNEL_LABELS: Record<string, string> = {
  web: 'Web',
  app: 'App',
  email: 'Email',
  offline: 'Offline',
  social: 'Social',
};

export function ChannelIcon({ channel }: { channel: string }) {
  const d: Record<string, string> = {
    web: 'M2 8h12M8 2c2 2 2 10 0 12M8 2c-2 2-2 10 0 12M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2',
    app: 'M5 1.5h6a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1v-11a1 1 0 0 1 1-1zM7 12.5h2',
    email: 'M2 4h12v8H2zM2 4l6 5 6-5',
    offline: 'M2 14V6l6-4 6 4v8H2zM6 14v-4h4v4',
    social: 'M3 3h10v7H7l-3 3v-3H3z',
  };
  return (
    <svg class="channel-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path
        d={d[channel] ?? d.web}
        fill="none"
        stroke="currentColor"
        stroke-width="1.4"
        stroke-linejoin="round"
        stroke-linecap="round"
      />
    </svg>
  );
}

export function TouchpointCard({
  tp,
  minN,
  facts,
  exits,
  journeyEnd,
}: {
  tp: TouchpointScores;
  minN: number;
  facts: StatusFact[];
  exits?: Exits;
  journeyEnd?: boolean;
}) {
  const dims = Object.keys(tp.scores).sort((a, b) => rank(a) - rank(b));
  const enough = tp.quality != null;
  const [status, ...notes] = facts;
  return (
    <article
      class={`tp-card ${status ? `tp-status-${status.kind}` : ''} ${enough ? '' : 'tp-thin'}`}
      aria-labelledby={`tp-${tp.key}`}
      data-testid={`card-${tp.key}`}
    >
      <header class="tp-head">
        <h3 id={`tp-${tp.key}`} class="tp-name">
          <TouchpointLink tpKey={tp.key}>{tp.name}</TouchpointLink>
        </h3>
        <div class="tp-meta">
          <span class="tp-channel">
            <ChannelIcon channel={tp.channel} />
            {CHANNEL_LABELS[tp.channel] ?? tp.channel}
          </span>
          {tp.owner !== 'brand' && <span class="badge badge-neutral">{tp.owner}</span>}
        </div>
        {status && <StatusBadge fact={status} testid={`status-${tp.key}`} />}
      </header>
      <div class="tp-quality-main">
        <span class="tp-quality-label">Quality</span>
        <ScoreText value={tp.quality} testid={`quality-${tp.key}`} large />
        {tp.quality != null && (
          <span class="tp-band tone-text" style={hueStyle(tp.quality)}>
            {band(tp.quality)}
          </span>
        )}
      </div>
      <p class="tp-n">
        <span data-testid={`n-${tp.key}`}>{count(tp.n)}</span> {tp.n === 1 ? 'answer' : 'answers'} · {count(tp.visits)}{' '}
        visits
      </p>
      {dims.length > 0 ? (
        <div class="tp-dims">
          {dims.map((d) => (
            <DimensionBar key={d} dimension={d} stat={tp.scores[d]!} minN={minN} />
          ))}
        </div>
      ) : (
        <p class="tp-none">No answers in this range yet.</p>
      )}
      {!enough && tp.n > 0 && (
        <p class="tp-none">
          {minN - Math.min(tp.n, minN) > 0
            ? `${minN - tp.n} more answers needed before scores are shown.`
            : 'Not enough answers per dimension yet.'}
        </p>
      )}
      {(status || exits || journeyEnd) && (
        <footer class="tp-foot">
          {/* the exits line below states a many-exits status's numbers; "not enough answers" says it all */}
          {status && status.kind !== 'thin' && status.kind !== 'many_exits' && <p class="tp-fact">{status.detail}</p>}
          {notes
            .filter((f) => f.kind !== 'many_exits')
            .map((f) => (
              <p class="tp-fact" key={f.kind}>
                <strong>{f.label}:</strong> {f.detail}
              </p>
            ))}
          {exits ? (
            <p class="tp-fact" data-testid={`exits-${tp.key}`}>
              Exits: {pct(exits.share)} of {countOf(exits.journeys, 'journey')} end here
              {exits.typical != null ? ` (typical ${pct(exits.typical)})` : ''}
            </p>
          ) : (
            journeyEnd && (
              <p class="tp-fact" data-testid={`exits-${tp.key}`}>
                Journeys are meant to end here: not counted as exits.
              </p>
            )
          )}
        </footer>
      )}
    </article>
  );
}

/** A status as a badge: its label, coloured by tone, with the numbers behind it on hover. */
function StatusBadge({ fact, testid }: { fact: StatusFact; testid?: string }) {
  const cls = fact.tone.startsWith('q-') ? fact.tone : `badge-${fact.tone}`;
  return (
    <span class={`badge tp-status ${cls}`} title={fact.detail} data-testid={testid} data-status={fact.kind}>
      {fact.label}
    </span>
  );
}
