// One touchpoint's page (/sites/{id}/touchpoints/{key}): its scores with n and intervals, answer spread, daily
// quality, context gap, arrivals and departures with their handoff, response rate, comments, team, prompt and the
// actions the team logged with their measured effect. Reads the site's shared overview for the filters in use.
import type { Overview, Trends } from '@throughline/schema';
import { api, ApiError } from '../api/client';
import { useResource } from '../api/use-resource';
import { AnswerSpread } from '../components/answer-spread';
import { CommentThemesPanel } from '../components/comment-themes';
import { Link } from '../components/link';
import { count, countOf, DimensionBar, fmt, QuadrantBadge, ScoreText } from '../components/score';
import { ErrorMessage, Loading } from '../components/states';
import { TouchpointActions } from '../components/touchpoint-actions';
import { seriesColor, TrendChart } from '../components/trend-chart';
import { chartData } from '../components/trend-series';
import { formatSegment } from '../filters';
import { withFilters } from '../router';
import type { ViewProps } from './view-props';

type Tp = Overview['touchpoints'][number];

export function TouchpointView({ site, overview, filters, touchpoint }: ViewProps & { touchpoint: string }) {
  const trends = useResource(
    (s) => api.trends(site.id, { ...filters, touchpoint }, s),
    [site.id, touchpoint, filters.from, filters.to, filters.segment, filters.journey],
  );
  const actions = useResource((s) => api.actions(site.id, touchpoint, s), [site.id, touchpoint]);
  const comments = useResource(
    (s) => api.responses(site.id, { ...filters, touchpoint, hasComment: 'true', limit: 20 }, s),
    [site.id, touchpoint, filters.from, filters.to, filters.segment, filters.journey],
  );
  if (overview.error) return <ErrorMessage error={overview.error} retry={overview.reload} />;
  if (!overview.data) return <Loading rows={4} label="Loading the touchpoint…" />;
  const o = overview.data;
  const tp = o.touchpoints.find((t) => t.key === touchpoint);
  const base = `/sites/${encodeURIComponent(site.id)}`;
  if (!tp)
    return <ErrorMessage error={new ApiError(404, 'not_found', `No touchpoint "${touchpoint}" on this site.`)} />;
  const names = new Map(o.touchpoints.map((t) => [t.key, t.name]));
  const link = (key: string) => (
    <Link href={withFilters(`${base}/touchpoints/${encodeURIComponent(key)}`)}>{names.get(key) ?? key}</Link>
  );
  const into = o.connectivity.transitions.filter((t) => t.to === tp.key).sort((a, b) => b.count - a.count);
  const out = o.connectivity.transitions.filter((t) => t.from === tp.key).sort((a, b) => b.count - a.count);

  return (
    <div class="touchpoint-page">
      <div class="view-head">
        <div>
          <p class="muted">
            <Link href={withFilters(`${base}/map`)}>Journey map</Link> › {tp.stage}
          </p>
          <h1>{tp.name}</h1>
          <p class="muted">
            {tp.channel} · {tp.owner}
            {tp.team ? (
              <>
                {' '}
                · team <strong>{tp.team}</strong>
              </>
            ) : null}{' '}
            · {countOf(tp.n, 'answer')}, {countOf(tp.visits, 'visit')} from {o.range.from} to {o.range.to}
            {filters.segment && filters.segment !== 'all' ? <> · {formatSegment(filters.segment)}</> : null}
          </p>
        </div>
        <Link class="btn btn-secondary" href={`${base}/journey`}>
          Edit prompt and setup
        </Link>
      </div>

      <section class="section card" aria-labelledby="tp-scores-h">
        <h2 id="tp-scores-h">
          Scores <QuadrantBadge quadrant={tp.quadrant} />
        </h2>
        <p>
          Quality <ScoreText value={tp.qualityStat.value} large testid="tp-quality" />
          {tp.qualityStat.ci && (
            <span class="hint">
              {' '}
              95% interval {fmt(tp.qualityStat.ci[0])}–{fmt(tp.qualityStat.ci[1])}, n = {tp.qualityStat.n}
            </span>
          )}
        </p>
        {Object.entries(tp.scores).map(([d, stat]) => (
          <DimensionBar key={d} dimension={d} stat={stat} minN={o.minN} />
        ))}
        <Reach tp={tp} />
        <Joined tp={tp} />
        <ContextGap tp={tp} />
      </section>

      <section class="section card" aria-labelledby="tp-spread-h">
        <h2 id="tp-spread-h">How visitors answered</h2>
        <AnswerSpread touchpoints={[tp]} />
      </section>

      <section class="section card" aria-labelledby="tp-trend-h">
        <h2 id="tp-trend-h">Quality over time</h2>
        <p class="hint">
          The line is the rolling 7-day score with its 95% band; bars are answers per day; the shaded windows are the
          ones the falling-quality alert compares; dashed lines are the actions below.
        </p>
        <DailyQuality
          trends={trends.data}
          tpKey={tp.key}
          name={tp.name}
          markers={(actions.data?.actions ?? []).map((a) => ({ day: a.day, label: a.title }))}
        />
      </section>

      <section class="section card" aria-labelledby="tp-flow-h">
        <h2 id="tp-flow-h">Arrivals and departures</h2>
        <div class="tp-flows">
          <FlowList
            title="Came from"
            rows={into.map((t) => ({ key: t.from, count: t.count, handoff: t.handoff, n: t.handoffN }))}
            link={link}
          />
          <FlowList
            title="Went on to"
            rows={out.map((t) => ({ key: t.to, count: t.count, handoff: t.handoff, n: t.handoffN }))}
            link={link}
          />
        </div>
      </section>

      <TouchpointActions siteId={site.id} tpKey={tp.key} actions={actions} />

      <section class="section card" aria-labelledby="tp-comments-h">
        <h2 id="tp-comments-h">Comments</h2>
        <CommentThemesPanel siteId={site.id} filters={filters} touchpoint={tp.key} names={names} />
        <h3>Latest</h3>
        {!comments.data ? (
          comments.error ? (
            <ErrorMessage error={comments.error} retry={comments.reload} />
          ) : (
            <Loading rows={2} />
          )
        ) : comments.data.responses.length === 0 ? (
          <p class="hint">No comments in this range.</p>
        ) : (
          <ul class="plain-list">
            {comments.data.responses.map((r) => (
              <li key={r.id}>
                <q>{r.comment}</q>{' '}
                <span class="hint">
                  {r.at.slice(0, 10)}
                  {r.quality !== null ? `, quality ${fmt(r.quality)}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href={responsesOf(base, tp.key)}>All responses here</Link>
        </p>
      </section>
    </div>
  );
}

/** The Responses view filtered to this touchpoint, with the filters in use. */
function responsesOf(base: string, key: string): string {
  const url = new URL(withFilters(`${base}/responses`), location.origin);
  url.searchParams.set('touchpoint', key);
  return url.pathname + url.search;
}

function Reach({ tp }: { tp: Tp }) {
  const r = tp.prompts;
  if (!r.shown) return <p class="hint">Response rate: the widget recorded no prompt shown here in this range.</p>;
  return (
    <p class="hint" data-testid="tp-response-rate">
      Prompt shown {countOf(r.shown, 'time')}: answered {fmt(r.answerRate ?? 0)}%
      {r.answerRateCi && ` (95% interval ${fmt(r.answerRateCi[0])}–${fmt(r.answerRateCi[1])}%)`}, dismissed{' '}
      {fmt(r.dismissRate ?? 0)}%.
    </p>
  );
}

/** Offline and partner touchpoints: answers joined to a journey begun elsewhere (docs/metrics.md › Journey link). */
function Joined({ tp }: { tp: Tp }) {
  if (tp.channel !== 'offline' && tp.owner !== 'partner') return null;
  return (
    <p class="hint" data-testid="tp-joined">
      Joined to a journey: {count(tp.joined.n)} of {countOf(tp.n, 'answer')}
      {tp.joined.linked ? ` (${count(tp.joined.linked)} arrived with a journey link)` : ''}; the rest started their
      journey here.
    </p>
  );
}

function ContextGap({ tp }: { tp: Tp }) {
  const g = tp.contextGap;
  if (g.gap === null || !g.best || !g.worst)
    return <p class="hint">Context gap: needs two segments with enough answers.</p>;
  return (
    <p class="hint">
      Context gap {fmt(g.gap)} points: best {formatSegment(g.best.segment)} ({fmt(g.best.quality)}), worst{' '}
      {formatSegment(g.worst.segment)} ({fmt(g.worst.quality)}).
    </p>
  );
}

function DailyQuality({
  trends,
  tpKey,
  name,
  markers,
}: {
  trends: Trends | undefined;
  tpKey: string;
  name: string;
  markers: { day: string; label: string }[];
}) {
  if (!trends) return <Loading rows={2} />;
  const data = { ...chartData(trends, [tpKey], 'quality', seriesColor, () => name), markers };
  if (!data.answers.some((n) => n > 0)) return <p class="hint">No answers in this range.</p>;
  return (
    <TrendChart
      data={data}
      label={`Rolling 7-day quality of ${name} from ${trends.range.from} to ${trends.range.to}`}
    />
  );
}

function FlowList({
  title,
  rows,
  link,
}: {
  title: string;
  rows: { key: string; count: number; handoff: number | null; n: number }[];
  link: (key: string) => preact.JSX.Element;
}) {
  return (
    <div>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p class="hint">No moves in this range.</p>
      ) : (
        <ul class="plain-list">
          {rows.map((r) => (
            <li key={r.key}>
              {link(r.key)}: {countOf(r.count, 'move')}
              {r.handoff !== null ? `, handoff ${fmt(r.handoff)} (n = ${r.n})` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
