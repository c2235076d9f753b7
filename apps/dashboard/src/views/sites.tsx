// Sites of the organization: open one, create one, and copy its install snippet.
import type { Site } from '@throughline/schema';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type ApiError } from '../api/client';
import { useCan } from '../api/session';
import { addSite, rememberSite, useSites } from '../api/sites-store';
import { Link } from '../components/link';
import { CopyBox, installSnippet } from '../components/snippet';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { parseOrigins } from '../site-input';

export function SitesView() {
  const { sites, error, loading, reload } = useSites();
  const [created, setCreated] = useState<Site>();
  const [showForm, setShowForm] = useState(false);
  const canCreate = useCan('editor');
  useEffect(() => void (document.title = 'Sites · Throughline'), []);

  return (
    <main id="main" class="page page-narrow" tabIndex={-1}>
      <div class="view-head">
        <div>
          <h1>Sites</h1>
          <p class="muted">Each site has its own journey, touchpoints and script tag.</p>
        </div>
        {canCreate && sites && sites.length > 0 && !showForm && (
          <button type="button" class="btn btn-primary" onClick={() => setShowForm(true)}>
            New site
          </button>
        )}
      </div>
      {created && (
        <div class="callout callout-ok" role="status">
          <div>
            <strong>{created.name} is ready.</strong>
            <p>Add the script tag below to every page of the site, then set up its journey.</p>
          </div>
          <Link class="btn btn-primary" href={`/sites/${encodeURIComponent(created.id)}/journey`}>
            Set up the journey
          </Link>
        </div>
      )}
      {error && <ErrorMessage error={error} retry={reload} />}
      {!sites && loading && <Loading />}
      {sites && sites.length === 0 && !canCreate && (
        <Empty title="No sites yet">
          <p>An editor or owner of your organization adds the first site; its journey map appears here then.</p>
        </Empty>
      )}
      {canCreate && sites && (sites.length === 0 || showForm) && (
        <CreateSite
          first={sites.length === 0}
          onCancel={sites.length ? () => setShowForm(false) : undefined}
          onCreated={(s) => {
            rememberSite(s.id);
            addSite(s);
            setCreated(s);
            setShowForm(false);
          }}
        />
      )}
      {sites && sites.length > 0 && (
        <ul class="site-list">
          {sites.map((s) => (
            <li key={s.id} class={`card site-item ${created?.id === s.id ? 'site-new' : ''}`}>
              <div class="site-item-head">
                <div>
                  <h2>
                    <Link href={`/sites/${encodeURIComponent(s.id)}/map`}>{s.name}</Link>
                  </h2>
                  <p class="muted">
                    {s.origins.length ? s.origins.join(', ') : 'No allowed origins yet'} · created{' '}
                    {new Date(s.createdAt).toLocaleDateString()}
                  </p>
                </div>
                <div class="site-actions">
                  <Link class="btn btn-secondary btn-sm" href={`/sites/${encodeURIComponent(s.id)}/journey`}>
                    Journey setup
                  </Link>
                  <Link class="btn btn-primary btn-sm" href={`/sites/${encodeURIComponent(s.id)}/map`}>
                    Open journey map
                  </Link>
                </div>
              </div>
              <p class="field-label">Install snippet</p>
              <CopyBox text={installSnippet(s.key)} label={`Install snippet for ${s.name}`} />
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

function CreateSite({
  first,
  onCreated,
  onCancel,
}: {
  first: boolean;
  onCreated: (s: Site) => void;
  onCancel?: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const name = String(form.get('name') ?? '').trim();
    const origins = parseOrigins(String(form.get('origins') ?? ''));
    setBusy(true);
    setError(undefined);
    try {
      onCreated(await api.createSite({ name, origins }));
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  const form = (
    <form class="card create-site" onSubmit={submit} aria-labelledby="create-site-h">
      <h2 id="create-site-h">{first ? 'Create your first site' : 'New site'}</h2>
      {error && <ErrorMessage error={error} title="The site was not created" />}
      <div class="field">
        <label for="site-name">Site name</label>
        <input id="site-name" name="name" ref={nameRef} required maxLength={120} placeholder="Outdoor Co. web shop" />
      </div>
      <div class="field">
        <label for="site-origins">Allowed origins</label>
        <textarea
          id="site-origins"
          name="origins"
          rows={2}
          placeholder="https://shop.example.com"
          aria-describedby="site-origins-hint"
        />
        <p class="hint" id="site-origins-hint">
          Where the widget may send answers from: scheme and host, one per line. You can add more later.
        </p>
      </div>
      <div class="form-actions">
        <button class="btn btn-primary" type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create site'}
        </button>
        {onCancel && (
          <button class="btn btn-ghost" type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
  if (!first) return form;
  return (
    <Empty title="Start measuring your customer journey">
      <p>
        Create a site for each web shop or app. You get a script tag to install and a journey with the six default
        stages to fill in.
      </p>
      <div class="empty-form">{form}</div>
    </Empty>
  );
}
