// /forgot: what to do about a forgotten password. Where the deployment sends email, ask for a reset link; otherwise
// (and always) an owner of the organization can issue one on Team.
import { useEffect, useState } from 'preact/hooks';
import { api, type ApiError } from '../api/client';
import { useResource } from '../api/use-resource';
import { Link } from '../components/link';
import { ErrorMessage, Loading } from '../components/states';

export function ForgotPasswordView() {
  const options = useResource((s) => api.resetOptions(s), []);
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  useEffect(() => void (document.title = 'Forgot your password · Throughline'), []);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setSent((await api.requestReset(email.trim())).message);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" class="auth-page auth-single">
      <div class="auth-main">
        <div class="auth-card">
          <h1>Forgot your password?</h1>
          {options.error ? (
            <ErrorMessage error={options.error} retry={options.reload} />
          ) : !options.data ? (
            <Loading rows={1} />
          ) : options.data.email ? (
            <form onSubmit={submit} aria-label="Email me a reset link">
              <p class="muted">We email you a link that sets a new password. It works once, for an hour.</p>
              {error && <ErrorMessage error={error} title="No link was sent" />}
              {sent && (
                <p role="status" class="callout callout-ok">
                  {sent}
                </p>
              )}
              <div class="field">
                <label for="forgot-email">Work email</label>
                <input
                  id="forgot-email"
                  type="email"
                  required
                  autoComplete="email"
                  value={email}
                  onInput={(e) => setEmail((e.currentTarget as HTMLInputElement).value)}
                />
              </div>
              <button class="btn btn-primary btn-block" type="submit" disabled={busy}>
                {busy ? 'Sending…' : 'Email me a reset link'}
              </button>
            </form>
          ) : (
            <p data-testid="no-email">
              This Throughline sends no email. Ask an owner of your organization: on <strong>Team</strong>, they make a
              one-time <strong>Reset link</strong> for you and pass it on.
            </p>
          )}
          {options.data?.email && (
            <p class="hint">You can also ask an owner of your organization for a reset link (Team → Reset link).</p>
          )}
          <p class="auth-switch">
            <Link href="/login">Back to log in</Link>
          </p>
        </div>
      </div>
    </main>
  );
}
