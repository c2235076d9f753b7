// Partner domains of a site: links from the site to these domains carry the visitor's journey id, so a partner's
// page (a carrier's tracking page with this site's script tag) continues the same journey as a partner touchpoint.
import type { Site } from '@throughline/schema';
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import { ErrorMessage } from './states';

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function PartnersEditor({ site, onSaved }: { site: Site; onSaved: (s: Site) => void }) {
  const [text, setText] = useState(site.settings.partners.join('\n'));
  const [error, setError] = useState<ApiError | string>();
  const [saved, setSaved] = useState(false);

  async function save(e: SubmitEvent) {
    e.preventDefault();
    const partners = [...new Set(text.split(/[\s,]+/).map((d) => d.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '')).filter(Boolean))];
    const bad = partners.filter((d) => !DOMAIN.test(d));
    if (bad.length) return setError(`Not a domain: ${bad.join(', ')}. Write them like carrier.example.com.`);
    setError(undefined);
    try {
      onSaved(await api.patchSite(site.id, { settings: { ...site.settings, partners } }));
      setText(partners.join('\n'));
      setSaved(true);
    } catch (err) {
      setError(err as ApiError);
    }
  }

  return (
    <form class="card editor-card partners-form" onSubmit={save} onInput={() => setSaved(false)} aria-labelledby="partners-h">
      <h2 id="partners-h">Partner domains</h2>
      <p class="muted">
        Journeys cross firms: a carrier's tracking page, a payment provider, a booking partner. Links to these domains carry the visitor's journey id,
        so answers on a partner's page (with this site's script tag) join the same journey. Mark those touchpoints with the owner <em>Partner</em>.
      </p>
      {error && <ErrorMessage error={error} title="Partner domains were not saved" />}
      <div class="field">
        <label for="partners">Domains, one per line</label>
        <textarea id="partners" rows={2} class="mono" value={text} placeholder="track.swiftship.example" onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      </div>
      <div class="form-actions">
        <button type="submit" class="btn btn-secondary btn-sm">
          Save partner domains
        </button>
        {saved && (
          <span class="saved" role="status">
            Saved
          </span>
        )}
      </div>
    </form>
  );
}
