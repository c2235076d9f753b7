// The install screen's live check: polls the site's recent visits until the widget has reported one,
// so a team sees at once whether the script tag works on their page.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import { daysAgo, isoDate } from '../filters';
import { count } from './score';

const POLL_MS = 3000;

interface Seen {
  visits: number;
  touchpoint: string;
}

export function FirstVisitCheck({ siteId }: { siteId: string }) {
  const [seen, setSeen] = useState<Seen | null>(null);
  const [error, setError] = useState<ApiError>();

  useEffect(() => {
    const ctl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function poll() {
      try {
        // Yesterday too, so that a visit just after midnight UTC is not missed.
        const o = await api.overview(siteId, { from: daysAgo(2), to: isoDate(new Date()) }, ctl.signal);
        setError(undefined);
        const visited = o.touchpoints.filter((t) => t.visits > 0).sort((a, b) => b.visits - a.visits);
        if (visited.length) return setSeen({ visits: visited.reduce((a, t) => a + t.visits, 0), touchpoint: visited[0]!.name });
      } catch (err) {
        if (ctl.signal.aborted) return;
        setError(err instanceof ApiError ? err : new ApiError(0, 'client', String(err)));
      }
      timer = setTimeout(poll, POLL_MS);
    }
    void poll();
    return () => {
      ctl.abort();
      clearTimeout(timer);
    };
  }, [siteId]);

  return (
    <div class={`live-check ${seen ? 'live-check-ok' : ''}`} role="status" aria-live="polite" data-testid="first-visit">
      <span class="live-dot" aria-hidden="true" />
      {seen ? (
        <span>
          <strong>First visit seen.</strong> {count(seen.visits)} {seen.visits === 1 ? 'visit' : 'visits'} in the last two days, most at {seen.touchpoint}.
        </span>
      ) : error ? (
        <span>Could not check for visits: {error.message} Retrying…</span>
      ) : (
        <span>
          <strong>Waiting for the first visit…</strong> Open a page of your site that matches a touchpoint's URL rule; this updates by itself.
        </span>
      )}
    </div>
  );
}
