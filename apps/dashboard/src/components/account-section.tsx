// The signed-in person's own account: a new password (which ends every other session) and ending other sessions.
import { useState } from 'preact/hooks';
import { api, type ApiError } from '../api/client';
import { ErrorMessage } from './states';

export function AccountSection() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');

  async function run(e: Event | null, action: () => Promise<string>) {
    e?.preventDefault();
    setError(undefined);
    setDone('');
    try {
      setDone(await action());
    } catch (err) {
      setError(err as ApiError);
    }
  }
  const change = (e: SubmitEvent) =>
    run(e, async () => {
      await api.changePassword({ current, password: next });
      setCurrent('');
      setNext('');
      return 'Password changed. Every other session was signed out.';
    });
  const endOthers = () => run(null, async () => `${(await api.endOtherSessions()).ended} other session(s) signed out.`);

  return (
    <section class="section" aria-labelledby="account-h">
      <h2 id="account-h">Your account</h2>
      <form class="card invite-form" onSubmit={change} aria-label="Change password">
        {error && <ErrorMessage error={error} title="That did not work" />}
        {done && <p role="status">{done}</p>}
        <div class="field-row">
          <div class="field">
            <label for="pw-current">Current password</label>
            <input
              id="pw-current"
              type="password"
              autoComplete="current-password"
              required
              value={current}
              onInput={(e) => setCurrent((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for="pw-new">New password</label>
            <input
              id="pw-new"
              type="password"
              autoComplete="new-password"
              required
              minLength={10}
              value={next}
              onInput={(e) => setNext((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
        </div>
        <div class="form-actions">
          <button type="submit" class="btn btn-primary btn-sm">
            Change password
          </button>
          <button type="button" class="btn btn-ghost btn-sm" onClick={endOthers}>
            Sign out other sessions
          </button>
        </div>
      </form>
    </section>
  );
}
