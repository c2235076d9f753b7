// Invite by link: an owner makes a single-use link for a role (optionally for one email address), copies it,
// and can revoke links not used yet.
import type { InviteCreated, Me } from '@throughline/schema';
import { useState } from 'preact/hooks';
import { api, type ApiError } from '../api/client';
import { useResource } from '../api/use-resource';
import { RoleSelect } from './role-select';
import { ShownOnce } from './snippet';
import { Empty, ErrorMessage, Loading } from './states';

export function InvitesSection() {
  const invites = useResource((s) => api.invites(s), []);
  const [role, setRole] = useState<Me['role']>('viewer');
  const [email, setEmail] = useState('');
  const [created, setCreated] = useState<InviteCreated>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  async function create(e: SubmitEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setCreated(await api.createInvite({ role, ...(email.trim() ? { email: email.trim() } : {}) }));
      setEmail('');
      invites.reload();
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }
  async function revoke(id: string) {
    setError(undefined);
    try {
      await api.revokeInvite(id);
      if (created?.id === id) setCreated(undefined);
      invites.reload();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  const open = invites.data?.invites.filter((i) => !i.acceptedAt) ?? [];

  return (
    <section class="section" aria-labelledby="invites-h">
      <h2 id="invites-h">Invite by link</h2>
      <form class="card invite-form" onSubmit={create} aria-label="New invite link">
        {error && <ErrorMessage error={error} title="The invite was not made" />}
        <div class="field-row">
          <div class="field">
            <label for="inv-role">Role</label>
            <RoleSelect id="inv-role" value={role} onChange={setRole} />
          </div>
          <div class="field">
            <label for="inv-email">Only for this email (optional)</label>
            <input
              id="inv-email"
              type="email"
              value={email}
              onInput={(e) => setEmail((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
        </div>
        <div class="form-actions">
          <button type="submit" class="btn btn-primary btn-sm" disabled={busy}>
            {busy ? 'Creating…' : 'Create invite link'}
          </button>
          <span class="hint">Single use, valid for 7 days.</span>
        </div>
        {created && (
          <ShownOnce
            message={`Send this link to the person you invite (${created.role}). It is shown only now.`}
            text={created.url}
            label="Invite link"
          />
        )}
      </form>
      {invites.error ? (
        <ErrorMessage error={invites.error} retry={invites.reload} />
      ) : !invites.data ? (
        <Loading rows={1} />
      ) : open.length === 0 ? (
        <Empty title="No open invites">
          <p>Create a link above to add a teammate; it appears here until it is used or expires.</p>
        </Empty>
      ) : (
        <ul class="plain-list">
          {open.map((i) => (
            <li key={i.id} class="card plain-item" data-testid="invite">
              <span>
                <strong>{i.role}</strong> {i.email ? `for ${i.email}` : 'for anyone with the link'} · expires{' '}
                {new Date(i.expiresAt).toLocaleDateString()}
              </span>
              <button type="button" class="btn btn-ghost btn-sm btn-danger-text" onClick={() => revoke(i.id)}>
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
