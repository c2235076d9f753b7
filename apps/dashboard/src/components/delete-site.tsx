// Deleting a site with every visit, answer and comment it holds: owners only, confirmed by typing the site's name.
import type { Site } from '@throughline/schema';
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { useCan } from '../api/session';
import { removeSite } from '../api/sites-store';
import { useAction } from '../api/use-action';
import { navigate } from '../router';
import { ErrorMessage } from './states';

export function DeleteSite({ site }: { site: Site }) {
  const isOwner = useCan('owner');
  const [typed, setTyped] = useState('');
  const { busy, error, run } = useAction();
  if (!isOwner) return null;

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    if ((await run(() => api.deleteSite(site.id).then(() => true))) !== true) return;
    removeSite(site.id);
    navigate('/sites');
  }

  return (
    <form class="card editor-card danger-zone" onSubmit={submit} aria-labelledby="delete-site-h">
      <h2 id="delete-site-h">Delete this site</h2>
      <p class="muted">
        Deletes {site.name} with its journey, every visit, answer and comment, and its scores. The script tag stops
        working. This cannot be undone.
      </p>
      {error && <ErrorMessage error={error} title="The site was not deleted" />}
      <div class="field">
        <label for="delete-site-name">Type the site's name, {site.name}, to confirm</label>
        <input
          id="delete-site-name"
          value={typed}
          autocomplete="off"
          onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <div class="form-actions">
        <button type="submit" class="btn btn-danger btn-sm" disabled={busy || typed.trim() !== site.name}>
          {busy ? 'Deleting…' : 'Delete site and all its data'}
        </button>
      </div>
    </form>
  );
}
