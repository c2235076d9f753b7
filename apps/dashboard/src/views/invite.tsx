// /invite/{token}: what an invite link offers; join with the current account, or create one on the spot.
import { useEffect, useState } from 'preact/hooks';
import { session, signIn } from '../api/session';
import { api, type ApiError } from '../api/client';
import { useResource } from '../api/use-resource';
import { Link } from '../components/link';
import { ErrorMessage, Loading } from '../components/states';
import { navigate } from '../router';

export function InviteView({ token }: { token: string }) {
  const me = session.value;
  const preview = useResource((s) => api.invitePreview(token, s), [token]);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  useEffect(() => void (document.title = 'Join · Throughline'), []);
  useEffect(() => setEmail((e) => e || preview.data?.email || ''), [preview.data]);

  async function join(e: SubmitEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const joined = await api.acceptInvite(me ? { token } : { token, email: email.trim(), password });
      signIn(joined);
      navigate('/sites', { replace: true });
    } catch (err) {
      setError(err as ApiError);
      setBusy(false);
    }
  }

  return (
    <main id="main" class="auth-page auth-single">
      <div class="auth-main">
        <div class="auth-card">
          {preview.error ? (
            <ErrorMessage error={preview.error} title="This invite link cannot be used" />
          ) : !preview.data ? (
            <Loading label="Opening the invite…" />
          ) : (
            <>
              <h1>Join {preview.data.organization}</h1>
              <p class="muted">
                You are invited as <strong>{preview.data.role}</strong>. The link works once, until{' '}
                {new Date(preview.data.expiresAt).toLocaleDateString()}.
              </p>
              <form onSubmit={join} aria-label="Accept the invite">
                {error && <ErrorMessage error={error} title="You did not join yet" />}
                {(error?.code === 'log_in_first' || error?.code === 'invalid_credentials') && (
                  <p>
                    <Link
                      class="btn btn-secondary btn-block"
                      href={`/login?next=${encodeURIComponent(`/invite/${token}`)}`}
                    >
                      Log in to join with your account
                    </Link>
                  </p>
                )}
                {me ? (
                  <p>
                    You are signed in as <strong>{me.user.email}</strong>.
                  </p>
                ) : (
                  <>
                    <div class="field">
                      <label for="inv-acc-email">Work email</label>
                      <input
                        id="inv-acc-email"
                        type="email"
                        required
                        autocomplete="email"
                        value={email}
                        readOnly={!!preview.data.email}
                        onInput={(e) => setEmail((e.currentTarget as HTMLInputElement).value)}
                      />
                    </div>
                    <div class="field">
                      <label for="inv-acc-password">Choose a password (or your password, if you have an account)</label>
                      <input
                        id="inv-acc-password"
                        type="password"
                        required
                        minLength={10}
                        autocomplete="new-password"
                        value={password}
                        onInput={(e) => setPassword((e.currentTarget as HTMLInputElement).value)}
                      />
                    </div>
                  </>
                )}
                <button class="btn btn-primary btn-block" type="submit" disabled={busy}>
                  {busy ? 'Joining…' : me ? `Join ${preview.data.organization}` : 'Create account and join'}
                </button>
              </form>
            </>
          )}
        </div>
      </div>
    </main>
  );
}
