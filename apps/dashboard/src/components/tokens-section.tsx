// API tokens for scripts and BI tools: create one (its secret shown once), see who made each, revoke.
import type { TokenCreated, TokenScope } from '@throughline/schema';
import { useState } from 'preact/hooks';
import { api, type ApiError } from '../api/client';
import { useResource } from '../api/use-resource';
import { ShownOnce } from './snippet';
import { Empty, ErrorMessage, Loading } from './states';

export function TokensSection() {
  const tokens = useResource((s) => api.tokens(s), []);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('read');
  const [created, setCreated] = useState<TokenCreated>();
  const [error, setError] = useState<ApiError>();

  async function create(e: SubmitEvent) {
    e.preventDefault();
    setError(undefined);
    try {
      setCreated(await api.createToken(name.trim(), scope));
      setName('');
      tokens.reload();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  async function revoke(id: string, label: string) {
    if (!confirm(`Revoke "${label}"? Scripts using it stop working at once.`)) return;
    setError(undefined);
    try {
      await api.revokeToken(id);
      tokens.reload();
    } catch (err) {
      setError(err as ApiError);
    }
  }

  return (
    <section class="section" aria-labelledby="tokens-h">
      <h2 id="tokens-h">API tokens</h2>
      <form class="card invite-form" onSubmit={create} aria-label="New API token">
        {error && <ErrorMessage error={error} title="The token change was not made" />}
        <div class="field-row">
          <div class="field">
            <label for="tok-name">Token name</label>
            <input
              id="tok-name"
              required
              maxLength={80}
              value={name}
              placeholder="Weekly BI export"
              onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for="tok-scope">Token scope</label>
            <select
              id="tok-scope"
              value={scope}
              onChange={(e) => setScope((e.currentTarget as HTMLSelectElement).value as TokenScope)}
            >
              <option value="read">read</option>
              <option value="write">write (with your role)</option>
            </select>
          </div>
        </div>
        <div class="form-actions">
          <button type="submit" class="btn btn-primary btn-sm">
            Create token
          </button>
          <span class="hint">
            Send it as <code>Authorization: Bearer …</code>. Tokens read or change data; members and tokens need you
            signed in.
          </span>
        </div>
        {created && (
          <ShownOnce
            message={`Copy the token “${created.name}” now: it is shown only once.`}
            text={created.token}
            label="API token, shown once"
          />
        )}
      </form>
      {tokens.error ? (
        <ErrorMessage error={tokens.error} retry={tokens.reload} />
      ) : !tokens.data ? (
        <Loading rows={1} />
      ) : tokens.data.tokens.length === 0 ? (
        <Empty title="No API tokens">
          <p>Create one above to read the API from a script, a spreadsheet or a BI tool.</p>
        </Empty>
      ) : (
        <ul class="plain-list">
          {tokens.data.tokens.map((t) => (
            <li key={t.id} class="card plain-item" data-testid="token">
              <span>
                <strong>{t.name}</strong> · {t.scope} · {t.role ? `acts as ${t.role}` : 'inactive: its maker left'} ·
                made {new Date(t.createdAt).toLocaleDateString()}
                {` by ${t.createdBy ?? 'nobody (made with a token; revoked)'}`}
                {t.revokedAt ? ` · revoked ${new Date(t.revokedAt).toLocaleDateString()}` : ''}
              </span>
              {!t.revokedAt && (
                <button
                  type="button"
                  class="btn btn-ghost btn-sm btn-danger-text"
                  aria-label={`Revoke ${t.name}`}
                  onClick={() => revoke(t.id, t.name)}
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
