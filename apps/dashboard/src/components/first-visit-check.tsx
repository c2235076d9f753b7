// The install screen's live check: polls the site's recent visits until the widget has reported one,
// so a team sees at once whether the script tag works on their page; and says when visits came but were dropped
// as a bot's (an automated browser trying the install looks like one).
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
  const [bots, setBots] = useState(0);
  const [error, setError] = useState<ApiError>();

  useEffect(() => {
    const ctl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function poll() {
      try {
        // Yesterday too, so that a visit just after midnight UTC is not missed.
        const range = { from: daysAgo(2), to: isoDate(new Date()) };
        const [o, dropped] = await Promise.all([
          api.overview(siteId, range, ctl.signal),
          api.dropped(siteId, range, ctl.signal),
        ]);
        setError(undefined);
        setBots(dropped.days.reduce((n, d) => n + d.bots, 0));
        const visited = o.touchpoints.filter((t) => t.visits > 0).sort((a, b) => b.visits - a.visits);
        if (visited.length)
          return setSeen({ visits: visited.reduce((a, t) => a + t.visits, 0), touchpoint: visited[0]!.name });
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
    <>
      <div
        class={`live-check ${seen ? 'live-check-ok' : ''}`}
        role="status"
        aria-live="polite"
        data-testid="first-visit"
      >
        <span class="live-dot" aria-hidden="true" />
        {seen ? (
          <span>
            <strong>First visit seen.</strong> {count(seen.visits)} {seen.visits === 1 ? 'visit' : 'visits'} in the last
            two days, most at {seen.touchpoint}.
          </span>
        ) : error ? (
          <span>Could not check for visits: {error.message} Retrying…</span>
        ) : (
          <span>
            <strong>Waiting for the first visit…</strong> Open a page of your site that matches a touchpoint's URL rule;
            this updates by itself.
          </span>
        )}
      </div>
      {bots > 0 && (
        <p class="callout callout-warn" data-testid="dropped-bots">
          <span>
            <strong>
              {count(bots)} {bots === 1 ? 'event' : 'events'} dropped as a bot's
            </strong>{' '}
            in the last two days. Crawlers, monitors and automated browsers (headless Chrome, Playwright, Puppeteer) are
            not counted. Trying the install with one? Open the page in an ordinary browser, or, on a local Throughline,
            start it with <code>ALLOW_HEADLESS=true</code>.
          </span>
        </p>
      )}
    </>
  );
}
