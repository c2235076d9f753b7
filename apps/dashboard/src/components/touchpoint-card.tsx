// A touchpoint on the journey map: name, quality, n, one bar per dimension, and flags for weak links.
import type { TouchpointScores, TrendAlert } from '@throughline/schema';
import { band, count, DimensionBar, fmt, hueStyle, pct, QuadrantBadge, ScoreText } from './score';

const ORDER = ['sensorial', 'affective', 'cognitive', 'relational', 'behavioral', 'importance', 'handoff'];
const rank = (d: string) => (ORDER.includes(d) ? ORDER.indexOf(d) : ORDER.length);
export const CHANNEL_LABELS: Record<string, string> = { web: 'Web', app: 'App', email: 'Email', offline: 'Offline', social: 'Social' };

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
      <path d={d[channel] ?? d.web} fill="none" stroke="currentColor" stroke-width="1.4" stroke-linejoin="round" stroke-linecap="round" />
    </svg>
  );
}

export function TouchpointCard({ tp, minN, breaking, dropOff, alert }: { tp: TouchpointScores; minN: number; breaking: boolean; dropOff?: number; alert?: TrendAlert }) {
  const weak = tp.quadrant === 'fix_first';
  const dims = Object.keys(tp.scores).sort((a, b) => rank(a) - rank(b));
  const enough = tp.quality != null;
  return (
    <article class={`tp-card ${weak ? 'tp-weak' : ''} ${enough ? '' : 'tp-thin'}`} aria-labelledby={`tp-${tp.key}`}>
      {weak && (
        <div class="tp-flag" aria-hidden="true">
          Weakest link
        </div>
      )}
      <header class="tp-head">
        <h3 id={`tp-${tp.key}`} class="tp-name">
          {tp.name}
        </h3>
        <div class="tp-meta">
          <span class="tp-channel">
            <ChannelIcon channel={tp.channel} />
            {CHANNEL_LABELS[tp.channel] ?? tp.channel}
          </span>
          {tp.owner !== 'brand' && <span class="badge badge-neutral">{tp.owner}</span>}
        </div>
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
        <span data-testid={`n-${tp.key}`}>{count(tp.n)}</span> {tp.n === 1 ? 'answer' : 'answers'} · {count(tp.visits)} visits
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
          {minN - Math.min(tp.n, minN) > 0 ? `${minN - tp.n} more answers needed before scores are shown.` : 'Not enough answers per dimension yet.'}
        </p>
      )}
      {(tp.quadrant || breaking || alert || (dropOff ?? 0) >= 0.2) && (
        <footer class="tp-foot">
          <QuadrantBadge quadrant={tp.quadrant} />
          {alert && (
            <span class="badge badge-danger" data-testid={`falling-${tp.key}`} title={`Last 7 days ${fmt(alert.recent.value)}, the 28 days before ${fmt(alert.baseline.value)}`}>
              Quality falling
            </span>
          )}
          {breaking && <span class="badge badge-warn" title="Its mean is more than one standard deviation from the journey mean">Breaks consistency</span>}
          {dropOff != null && dropOff >= 0.2 && <span class="badge badge-warn" title="Share of journeys that end here">{pct(dropOff)} drop off</span>}
        </footer>
      )}
    </article>
  );
}
