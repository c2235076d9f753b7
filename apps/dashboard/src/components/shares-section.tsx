// Settings › Shared links: every read-only link made for this site, whom it was for, until when, and Revoke.
import type { Site } from '@throughline/schema';
import { useState } from 'preact/hooks';
import { api, type ApiError } from '../api/client';
import { useCan } from '../api/session';
import { useResource } from '../api/use-resource';
import { ErrorMessage, Loading } from './states';

const VIEW_LABELS: Record<string, string> = {
  map: 'Journey map',
  priorities: 'Priorities',
  consistency: 'Consistency',
  connectivity: 'Connectivity',
  trends: 'Trends',
};

/** `segment=device%3Amobile&team=Logistics` as `segment=device:mobile, team=Logistics`. */
const filtersText = (query: string) => [...new URLSearchParams(query)].map(([k, v]) => `${k}=${v}`).join(', ');

export function SharesSection({ site }: { site: Site }) {
  const shares = useResource((s) => api.shares(site.id, s), [site.id]);
  const canEdit = useCan('editor');
  const [error, setError] = useState<ApiError>();
  async function revoke(id: string) {
    if (!confirm('Revoke this link? Whoever has it can no longer open the view.')) return;
    setError(undefined);
    try {
      await api.revokeShare(site.id, id);
      shares.reload();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <section class="card editor-card alert-section" aria-labelledby="shares-h">
      <h2 id="shares-h">Shared links</h2>
      <p class="muted">
        Read-only links to one view with its filters, made with “Share this view…” on an analytics screen.
      </p>
      {error && <ErrorMessage error={error} title="The link was not revoked" />}
      {!shares.data ? (
        shares.error ? (
          <ErrorMessage error={shares.error} retry={shares.reload} />
        ) : (
          <Loading rows={1} />
        )
      ) : shares.data.shares.length === 0 ? (
        <p class="hint">No links made yet.</p>
      ) : (
        <ul class="plain-list">
          {shares.data.shares.map((s) => (
            <li key={s.id} class="plain-item" data-testid="share">
              <span class="alert-destination-text">
                <strong>{VIEW_LABELS[s.view] ?? s.view}</strong>
                {s.label ? ` · ${s.label}` : ''}
                {s.query ? (
                  <>
                    {' '}
                    · <span class="mono">{filtersText(s.query)}</span>
                  </>
                ) : null}
                <br />
                <span class="hint">
                  by {s.createdBy},{' '}
                  {s.state === 'active'
                    ? `works until ${new Date(s.expiresAt).toLocaleDateString()}`
                    : s.state === 'revoked'
                      ? 'revoked'
                      : 'expired'}
                </span>
              </span>
              {canEdit && s.state === 'active' && (
                <button
                  type="button"
                  class="btn btn-ghost btn-sm btn-danger-text"
                  onClick={() => revoke(s.id)}
                  aria-label={`Revoke the ${VIEW_LABELS[s.view] ?? s.view} link${s.label ? ` for ${s.label}` : ''}`}
                >
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
