// One card of site settings: its fields, a Save button that PATCHes the site, the error or "Saved". Viewers see
// the fields disabled (the API would refuse them); a client-side check returns a message instead of a patch.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api, type SitePatch } from '../api/client';
import { useCan } from '../api/session';
import { useAction } from '../api/use-action';
import type { Site } from '@throughline/schema';
import { ErrorMessage } from './states';

interface Props {
  id: string;
  title: string;
  hint?: ComponentChildren;
  site: Site;
  onSaved: (site: Site) => void;
  /** The change to send (read from state or from the form's named fields), or a message saying what to correct. */
  patch: (form: HTMLFormElement) => SitePatch | string;
  saveLabel?: string;
  children: ComponentChildren;
}

export function SettingsForm({ id, title, hint, site, onSaved, patch, saveLabel = 'Save', children }: Props) {
  const canEdit = useCan('editor');
  const { busy, error, setError, run } = useAction();
  const [saved, setSaved] = useState(false);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const body = patch(e.currentTarget as HTMLFormElement);
    if (typeof body === 'string') return setError(body);
    const next = await run(() => api.patchSite(site.id, body));
    if (next) {
      onSaved(next);
      setSaved(true);
    }
  }

  return (
    <form class="card editor-card" onSubmit={submit} onInput={() => setSaved(false)} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {hint && <p class="muted">{hint}</p>}
      {error && <ErrorMessage error={error} title={`${title}: not saved`} />}
      <fieldset class="bare editor-card" disabled={!canEdit}>
        {children}
        <div class="form-actions">
          <button type="submit" class="btn btn-secondary btn-sm" disabled={busy}>
            {busy ? 'Saving…' : saveLabel}
          </button>
          {saved && (
            <span class="saved" role="status">
              Saved
            </span>
          )}
        </div>
      </fieldset>
    </form>
  );
}
