// /reset/{token}: a one-time password reset link (from an owner, or by email). Sets a new password; every session of
// the person ends, and this browser is signed in.
import { useEffect, useState } from 'preact/hooks';
import { signIn } from '../api/session';
import { api, type ApiError } from '../api/client';
import { useResource } from '../api/use-resource';
import { Link } from '../components/link';
import { ErrorMessage, Loading } from '../components/states';
import { navigate } from '../router';

export function ResetPasswordView({ token }: { token: string }) {
  const preview = useResource((s) => api.resetPreview(token, s), [token]);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  useEffect(() => void (document.title = 'Set a new password · Throughline'), []);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.resetPassword({ token, password });
      if (!result.signedIn) return setDone(true);
      signIn(await api.me());
      navigate('/', { replace: true });
    } catch (err) {
      setError(err as ApiError);
      setBusy(false);
    }
  }

  return (
    <main id="main" class="auth-page auth-single">
      <div class="auth-main">
        <div class="auth-card">
          {done ? (
            <>
              <h1>Password set</h1>
              <p>You belong to no organization now: open an invite link to join one, with this password.</p>
            </>
          ) : preview.error ? (
            <>
              <ErrorMessage error={preview.error} title="This reset link cannot be used" />
              <p>
                <Link href="/forgot">Get a new link</Link>
              </p>
            </>
          ) : !preview.data ? (
            <Loading label="Opening the link…" />
          ) : (
            <>
              <h1>Set a new password</h1>
              <p class="muted">
                For <strong>{preview.data.email}</strong>. The link works once, until{' '}
                {new Date(preview.data.expiresAt).toLocaleString()}; every session of this account is signed out.
              </p>
              <form onSubmit={submit} aria-label="Set a new password">
                {error && <ErrorMessage error={error} title="The password was not set" />}
                <input type="email" autoComplete="username" value={preview.data.email} readOnly hidden />
                <div class="field">
                  <label for="reset-password">New password</label>
                  <input
                    id="reset-password"
                    type="password"
                    required
                    minLength={10}
                    maxLength={200}
                    autoComplete="new-password"
                    aria-describedby="reset-password-hint"
                    value={password}
                    onInput={(e) => setPassword((e.currentTarget as HTMLInputElement).value)}
                  />
                  <p class="hint" id="reset-password-hint">
                    At least 10 characters; a few unrelated words make a good one.
                  </p>
                </div>
                <button class="btn btn-primary btn-block" type="submit" disabled={busy}>
                  {busy ? 'Setting…' : 'Set password and log in'}
                </button>
              </form>
            </>
          )}
        </div>
      </div>
    </main>
  );
}
