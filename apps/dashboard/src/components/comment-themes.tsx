// What the comments say: per touchpoint the words and word pairs over-represented in its comments (count and the
// mean quality of the answers that mention them), and the same comment sent many times, with its count. A theme
// is a search: pressing it lists the comments that mention it.
import type { AnalyticsQuery, CommentThemes } from '@throughline/schema';
import { api } from '../api/client';
import { useResource } from '../api/use-resource';
import { setQuery } from '../router';
import { fmt } from './score';
import { ErrorMessage, Loading } from './states';

export function CommentThemesPanel({
  siteId,
  filters,
  touchpoint,
  names,
}: {
  siteId: string;
  filters: AnalyticsQuery;
  touchpoint?: string;
  names: Map<string, string>;
}) {
  const t = useResource<CommentThemes>(
    (s) => api.commentThemes(siteId, filters, s),
    [siteId, filters.from, filters.to, filters.segment],
  );
  if (t.error) return <ErrorMessage error={t.error} retry={t.reload} />;
  if (!t.data) return <Loading rows={1} label="Reading the comments…" />;
  const themes = t.data.themes
    .filter((x) => !touchpoint || x.touchpoint === touchpoint)
    .sort((a, b) => b.count - a.count)
    .slice(0, 12);
  const groups = t.data.groups.filter((g) => !touchpoint || g.touchpoints.includes(touchpoint)).slice(0, 5);
  if (!themes.length && !groups.length)
    return (
      <p class="hint">
        No themes yet: a theme needs 3 comments at a touchpoint that mention it more often than the rest of the site.
      </p>
    );
  return (
    <div class="themes" data-testid="comment-themes">
      {themes.length > 0 && (
        <ul class="theme-list" aria-label="Themes">
          {themes.map((x) => (
            <li key={`${x.touchpoint}:${x.phrase}`}>
              <button
                type="button"
                class="btn btn-ghost btn-sm theme"
                onClick={() => setQuery({ q: x.phrase, comments: '1' })}
              >
                <strong>{x.phrase}</strong> — {x.count} comments
                {x.quality !== null ? `, quality ${fmt(x.quality)}` : ''}
                {!touchpoint && <span class="hint"> · {names.get(x.touchpoint) ?? x.touchpoint}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      {groups.length > 0 && (
        <ul class="plain-list" aria-label="Comments sent more than once">
          {groups.map((g) => (
            <li key={g.text}>
              <q>{g.text}</q> <span class="badge badge-neutral">×{g.count}</span>
            </li>
          ))}
        </ul>
      )}
      <p class="hint">
        From the newest {t.data.comments.toLocaleString('en-US')} comments in range
        {t.data.capped ? ' (more exist)' : ''}.
      </p>
    </div>
  );
}
