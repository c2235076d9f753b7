// Responses: each answer with its comment and context, newest first, filtered by touchpoint and
// "with comment"; pages load on demand; the same filters export as CSV or JSON.
import type { ResponseRow, ResponsesPage } from '@throughline/schema';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { onRefresh } from '../api/refresh';
import { CommentThemesPanel } from '../components/comment-themes';
import { HowToRead } from '../components/how-to-read';
import { api, ApiError } from '../api/client';
import { useCan } from '../api/session';
import { useResource } from '../api/use-resource';
import { ImportCsvButton, ImportOutcome, type Outcome } from '../components/import-csv';
import { countOf, dimLabel } from '../components/score';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { setQuery, useLocation } from '../router';
import type { ViewProps } from './view-props';
import { TouchpointLink } from '../components/touchpoint-link';

const PAGE = 25;

export function ResponsesView({ site, filters }: ViewProps) {
  const { query } = useLocation();
  const touchpoint = query.get('touchpoint') || undefined;
  const withComment = query.get('comments') === '1';
  const search = query.get('q') || undefined;
  const q = { ...filters, touchpoint, q: search, hasComment: withComment ? ('true' as const) : undefined };
  const [rows, setRows] = useState<ResponseRow[]>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [tick, setTick] = useState(0);
  const [deleted, setDeleted] = useState<string>();
  const [imported, setImported] = useState<Outcome>();
  // Deleting a visitor's data (a privacy request) is the owner's (the API refuses others).
  const canForget = useCan('owner');
  // Names from the journey, not the overview: the list works even when the analytics cannot be computed.
  const tps = useResource((s) => api.touchpoints(site.id, s), [site.id]);
  const names = useMemo(() => new Map((tps.data?.touchpoints ?? []).map((t) => [t.key, t.name])), [tps.data]);

  async function load(after: string | null, signal?: AbortSignal) {
    setBusy(true);
    setError(undefined);
    try {
      const page: ResponsesPage = await api.responses(
        site.id,
        { ...q, limit: PAGE, cursor: after ?? undefined },
        signal,
      );
      setRows((prev) => (after && prev ? [...prev, ...page.responses] : page.responses));
      setCursor(page.nextCursor);
    } catch (err) {
      if (!signal?.aborted) setError(err instanceof ApiError ? err : new ApiError(0, 'client', String(err)));
    } finally {
      if (!signal?.aborted) setBusy(false);
    }
  }
  async function forget(visitor: string) {
    if (!confirm('Delete every visit, answer and comment of this visitor? This cannot be undone.')) return;
    setError(undefined);
    try {
      const d = await api.deleteVisitor(site.id, visitor);
      setRows((prev) => prev?.filter((r) => r.visitor !== visitor));
      setDeleted(
        `Deleted this visitor's data: ${countOf(d.answers, 'answer')}, ${countOf(d.comments, 'comment')}, ${countOf(d.visits, 'visit')}.`,
      );
    } catch (err) {
      setError(err as ApiError);
    }
  }
  useEffect(() => {
    const ctl = new AbortController();
    setRows(undefined);
    void load(null, ctl.signal);
    return () => ctl.abort();
  }, [site.id, filters.from, filters.to, filters.segment, filters.journey, touchpoint, withComment, search, tick]);
  // Fresh answers on focus and every minute, as the other views; not once more pages are open (that would drop them).
  const shown = useRef(0);
  shown.current = rows?.length ?? 0;
  useEffect(
    () => onRefresh(() => shown.current <= PAGE && void load(null)),
    [site.id, filters.from, filters.to, filters.segment, filters.journey, touchpoint, withComment, search],
  );

  return (
    <div>
      <div class="view-head">
        <div>
          <h1>Responses</h1>
          <p class="muted">Every answer with its comment and context, newest first.</p>
        </div>
        <div class="form-actions">
          <a class="btn btn-secondary btn-sm" href={api.exportUrl(site.id, 'csv', q)} download>
            Export CSV
          </a>
          <a class="btn btn-ghost btn-sm" href={api.exportUrl(site.id, 'json', q)} download>
            Export JSON
          </a>
          <ImportCsvButton
            siteId={site.id}
            onOutcome={(o) => {
              setImported(o);
              if (!('error' in o) && o.accepted > 0) setTick((t) => t + 1);
            }}
          />
        </div>
      </div>
      <HowToRead>
        <p>
          Each card is one answer as the visitor gave it: every dimension on the 1–5 scale, and its quality on 0–100
          (the mean of its experience answers, where 1 is 0 and 5 is 100). The line under it is the context of the visit
          the answer was given in: device, how the visitor arrived, language, country, new or returning.
        </p>
      </HowToRead>
      <div class="response-filters" role="group" aria-label="Response filters">
        <div class="field-inline">
          <label for="resp-tp">Touchpoint</label>
          <select
            id="resp-tp"
            value={touchpoint ?? ''}
            onChange={(e) => setQuery({ touchpoint: (e.currentTarget as HTMLSelectElement).value || null })}
          >
            <option value="">All touchpoints</option>
            {[...names].map(([key, name]) => (
              <option key={key} value={key}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <form
          class="field-inline"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery({ q: (new FormData(e.currentTarget as HTMLFormElement).get('q') as string).trim() || null });
          }}
        >
          <label for="resp-q">Search comments</label>
          <input
            id="resp-q"
            name="q"
            type="search"
            maxLength={100}
            defaultValue={search ?? ''}
            key={search ?? ''}
            placeholder="voucher"
          />
        </form>
        <label class="check">
          <input
            type="checkbox"
            checked={withComment}
            onChange={(e) => setQuery({ comments: (e.currentTarget as HTMLInputElement).checked ? '1' : null })}
          />{' '}
          Only answers with a comment
        </label>
      </div>
      <section class="section card" aria-labelledby="themes-h">
        <h2 id="themes-h">What the comments say</h2>
        <CommentThemesPanel siteId={site.id} filters={filters} touchpoint={touchpoint} names={names} />
      </section>
      {error && <ErrorMessage error={error} retry={() => setTick((t) => t + 1)} />}
      {imported && <ImportOutcome outcome={imported} />}
      {deleted && (
        <p class="callout callout-ok" role="status">
          {deleted}
        </p>
      )}
      {!rows && !error && <Loading rows={5} label="Loading responses…" />}
      {rows && rows.length === 0 && (
        <Empty
          title={
            search
              ? `No comments mention “${search}” in this range`
              : withComment
                ? 'No comments in this range'
                : 'No answers in this range'
          }
        >
          <p>
            Widen the date range or remove a filter. New answers appear here as soon as visitors send them; turn on the
            comment box in a touchpoint's prompt (Journey setup) to collect comments.
          </p>
        </Empty>
      )}
      {rows && rows.length > 0 && (
        <ul class="response-list" aria-label="Responses">
          {rows.map((r) => (
            <ResponseItem
              key={r.id}
              r={r}
              name={names.get(r.touchpoint) ?? r.touchpoint}
              onForget={canForget ? () => forget(r.visitor) : undefined}
            />
          ))}
        </ul>
      )}
      {cursor && rows && (
        <p class="section">
          <button type="button" class="btn btn-secondary" disabled={busy} onClick={() => load(cursor)}>
            {busy ? 'Loading…' : `Show ${PAGE} more`}
          </button>
        </p>
      )}
    </div>
  );
}

function ResponseItem({ r, name, onForget }: { r: ResponseRow; name: string; onForget?: () => void }) {
  const ctx = [
    r.context.device,
    r.context.channel,
    r.context.locale,
    r.context.country,
    r.context.returning == null ? null : r.context.returning ? 'returning' : 'new',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <li class="card response" data-testid="response">
      <div class="response-head">
        <strong>
          <TouchpointLink tpKey={r.touchpoint}>{name}</TouchpointLink>
        </strong>
        <time class="muted" dateTime={r.at}>
          {new Date(r.at).toLocaleString()}
        </time>
        {r.quality != null && <span class="muted">quality {Math.round(r.quality)}</span>}
        {r.source === 'import' && <span class="badge badge-neutral">imported</span>}
      </div>
      <ul class="response-answers" aria-label="Answers (1–5)">
        {Object.entries(r.answers).map(([d, v]) => (
          <li key={d}>
            {dimLabel(d)}: <b>{v}</b>/5
          </li>
        ))}
      </ul>
      {r.comment && <blockquote class="response-comment">{r.comment}</blockquote>}
      <div class="response-foot">
        {ctx && <p class="hint">{ctx}</p>}
        {onForget && (
          // a privacy request is rare and cannot be undone: kept in a menu, owners only (as the API requires)
          <details class="response-menu">
            <summary class="btn btn-ghost btn-sm" aria-label="More actions for this response">
              More…
            </summary>
            <button type="button" class="btn btn-ghost btn-sm btn-danger-text" onClick={onForget}>
              Delete visitor's data
            </button>
          </details>
        )}
      </div>
    </li>
  );
}
