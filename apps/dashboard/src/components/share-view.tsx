// "Share this view": a read-only link to the view on screen with its filters, for someone without an account
// (expires in 14 days unless changed in Settings › Shared links, where it can be revoked).
import { useState } from 'preact/hooks';
import { api, type ApiError } from '../api/client';
import { useLocation } from '../router';
import { ShownOnce } from './snippet';
import { ErrorMessage } from './states';

const SHAREABLE = new Set(['map', 'priorities', 'consistency', 'connectivity', 'trends', 'partners']);
const KEPT = ['from', 'to', 'segment', 'team', 'touchpoint', 'dimension'];

export function ShareView({ siteId, view }: { siteId: string; view: string }) {
  const { query } = useLocation();
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState('');
  const [days, setDays] = useState('14');
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<ApiError>();
  if (!SHAREABLE.has(view)) return null;

  async function make(e: SubmitEvent) {
    e.preventDefault();
    setError(undefined);
    const q = new URLSearchParams();
    for (const k of KEPT) if (query.get(k)) q.set(k, query.get(k)!);
    try {
      const made = await api.createShare(siteId, {
        view: view as 'map',
        query: q.toString(),
        label: label.trim(),
        expiresInDays: Number(days) || 14,
      });
      setUrl(location.origin + made.path);
    } catch (err) {
      setError(err as ApiError);
    }
  }

  return (
    <div class="share-view">
      <button type="button" class="btn btn-ghost btn-sm" aria-expanded={open} onClick={() => setOpen(!open)}>
        Share this view…
      </button>
      {open && (
        <form class="card alert-form" onSubmit={make} aria-label="Share this view">
          {error && <ErrorMessage error={error} title="No link was made" />}
          <div class="field grow">
            <label for="share-label">For whom (optional)</label>
            <input
              id="share-label"
              maxLength={80}
              value={label}
              placeholder="Board, November"
              onInput={(e) => setLabel((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for="share-days">Works for (days)</label>
            <input
              id="share-days"
              type="number"
              min={1}
              max={90}
              value={days}
              onInput={(e) => setDays((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <div class="form-actions">
            <button type="submit" class="btn btn-secondary btn-sm">
              Make a read-only link
            </button>
          </div>
          {url && (
            <ShownOnce
              message="Copy the link now: it is shown only once. Anyone with it can read this view until it expires or is revoked."
              text={url}
              label="Read-only link, shown once"
            />
          )}
        </form>
      )}
    </div>
  );
}
