// Partners (alliance orientation, docs/metrics.md › Partner view): the touchpoints a partner runs (owner "partner"),
// each with its scores, the answers joined to a journey, and the handoffs into and out of it; "Share with this
// partner" makes a read-only link that opens this view for that touchpoint alone.
import type { Handoff, PartnerTouchpoint } from '@throughline/schema';
import { useState } from 'preact/hooks';
import { api, type ApiError } from '../api/client';
import { useCan } from '../api/session';
import { useResource } from '../api/use-resource';
import { HowToRead } from '../components/how-to-read';
import { Link } from '../components/link';
import { count, countOf, DimensionBar, fmt, hueStyle, ScoreText } from '../components/score';
import { ScrollBox } from '../components/scroll-box';
import { ShownOnce } from '../components/snippet';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { useLocation } from '../router';
import type { ViewProps } from './view-props';

export function PartnersView({ site, filters }: ViewProps) {
  const only = useLocation().query.get('touchpoint') ?? undefined;
  const view = useResource(
    (s) => api.partners(site.id, { ...filters, touchpoint: only }, s),
    [site.id, filters.from, filters.to, filters.segment, only],
  );
  if (view.error) return <ErrorMessage error={view.error} retry={view.reload} />;
  if (!view.data) return <Loading rows={4} label="Loading the partner view…" />;
  const v = view.data;
  return (
    <div class={view.loading ? 'is-refreshing' : ''}>
      <div class="view-head">
        <div>
          <h1>Partners</h1>
          <p class="muted">
            Touchpoints your partners run (a carrier, a marketplace, a bank): how customers rate them, and how smoothly
            they are handed over to and from them. {v.range.from} to {v.range.to}.
          </p>
        </div>
      </div>
      <HowToRead>
        <p>
          Each card is a touchpoint whose owner is a partner. Quality is the mean of its experience scores (0–100), with
          n answers. "Joined to a journey" counts answers that belong to a journey begun elsewhere: given after an
          earlier touchpoint of the same journey, or arriving with a journey link from a partner link, an email or a
          customer's own QR code.
        </p>
        <p>
          Handoff is how smoothly customers say they got from one touchpoint to the next (0–100), quality change the
          later touchpoint's quality minus the earlier one's. A share link made here opens only this view, for that one
          touchpoint.
        </p>
      </HowToRead>
      {v.touchpoints.length === 0 ? (
        <Empty title="No partner touchpoints">
          <p>
            Set a touchpoint's owner to Partner in{' '}
            <Link href={`/sites/${encodeURIComponent(site.id)}/journey`}>Journey setup</Link> to see it here.
          </p>
        </Empty>
      ) : (
        v.touchpoints.map((tp) => <PartnerCard key={tp.key} siteId={site.id} tp={tp} minN={v.minN} />)
      )}
    </div>
  );
}

function PartnerCard({ siteId, tp, minN }: { siteId: string; tp: PartnerTouchpoint; minN: number }) {
  const id = `partner-${tp.key}`;
  return (
    <section class="card section" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{tp.name}</h2>
      <p class="muted">
        {tp.stage} · {tp.channel} · {countOf(tp.n, 'answer')}
      </p>
      <PartnerShare siteId={siteId} tp={tp} />
      <p>
        Quality <ScoreText value={tp.qualityStat.value} large testid={`${id}-quality`} />
        {tp.qualityStat.ci && (
          <span class="hint">
            {' '}
            95% interval {fmt(tp.qualityStat.ci[0])}–{fmt(tp.qualityStat.ci[1])}, n = {tp.qualityStat.n}
          </span>
        )}
      </p>
      {Object.entries(tp.scores).map(([d, stat]) => (
        <DimensionBar key={d} dimension={d} stat={stat} minN={minN} />
      ))}
      <p class="hint" data-testid={`${id}-joined`}>
        Joined to a journey: {count(tp.joined.n)} of {countOf(tp.n, 'answer')}
        {tp.joined.linked ? ` (${count(tp.joined.linked)} arrived with a journey link)` : ''}.
      </p>
      <div class="conn-grid">
        <Handoffs title="Handed over to it" label={`Handoffs into ${tp.name}`} rows={tp.into} side="from" />
        <Handoffs title="Handed on from it" label={`Handoffs out of ${tp.name}`} rows={tp.outOf} side="to" />
      </div>
    </section>
  );
}

function Handoffs({
  title,
  label,
  rows,
  side,
}: {
  title: string;
  label: string;
  rows: Handoff[];
  side: 'from' | 'to';
}) {
  return (
    <div>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p class="hint">No moves in this range.</p>
      ) : (
        <ScrollBox label={label}>
          <table class="data stack">
            <thead>
              <tr>
                <th>{side === 'from' ? 'From' : 'To'}</th>
                <th class="num">Moves</th>
                <th class="num">Handoff</th>
                <th class="num">Quality change</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((t) => (
                <tr key={`${t.from}>${t.to}`}>
                  <td class="stack-title">{t.name}</td>
                  <td class="num" data-label="Moves">
                    {count(t.count)}
                  </td>
                  <td class="num" data-label="Handoff">
                    {t.handoff == null ? (
                      <span class="score-missing">{t.handoffN ? `n = ${t.handoffN}, too few` : 'not asked'}</span>
                    ) : (
                      <span class="score-chip tone" style={hueStyle(t.handoff)}>
                        {fmt(t.handoff)} <small>n = {t.handoffN}</small>
                      </span>
                    )}
                  </td>
                  <td class="num" data-label="Quality change">
                    {t.delta == null ? (
                      <span class="muted">–</span>
                    ) : (
                      <span>
                        {t.delta > 0 ? '+' : t.delta < 0 ? '−' : '±'}
                        {fmt(Math.abs(t.delta))} <small class="muted">n = {t.deltaN}</small>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </div>
  );
}

/** "Share with this partner": a read-only link to this view for this touchpoint only (editors; not inside a share). */
function PartnerShare({ siteId, tp }: { siteId: string; tp: PartnerTouchpoint }) {
  const canShare = useCan('editor');
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<ApiError>();
  if (!canShare) return null;
  async function make() {
    setError(undefined);
    try {
      const made = await api.createShare(siteId, { view: 'partners', query: `touchpoint=${tp.key}`, label: tp.name });
      setUrl(location.origin + made.path);
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <div class="partner-share">
      <button type="button" class="btn btn-secondary btn-sm" onClick={make}>
        Share with this partner
      </button>
      {error && <ErrorMessage error={error} title="No link was made" />}
      {url && (
        <ShownOnce
          message={`Copy the link now: it is shown only once. It opens ${tp.name}'s scores and handoffs, read-only, for 14 days.`}
          text={url}
          label="Read-only partner link, shown once"
        />
      )}
    </div>
  );
}
