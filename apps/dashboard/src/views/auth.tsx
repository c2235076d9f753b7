// Log in / sign up: one accessible form, the API's message shown on failure, focus moved to it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { signIn } from '../api/session';
import { api, ApiError } from '../api/client';
import { Link } from '../components/link';
import { Logo } from '../components/logo';

export function AuthView({ mode }: { mode: 'login' | 'signup' }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const errorRef = useRef<HTMLDivElement>(null);
  const signup = mode === 'signup';

  useEffect(() => {
    document.title = `${signup ? 'Create your account' : 'Log in'} · Throughline`;
    setError(undefined);
    setFieldErrors({});
  }, [signup]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const organization = String(form.get('organization') ?? '').trim();
    const fe: Record<string, string> = {};
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fe.email = 'Enter an email address like name@company.com.';
    if (signup && password.length < 10) fe.password = 'Use at least 10 characters.';
    if (!password) fe.password = 'Enter your password.';
    if (signup && !organization) fe.organization = 'Enter the name of your team or company.';
    setFieldErrors(fe);
    if (Object.keys(fe).length) {
      setError('Please correct the highlighted fields.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const me = signup ? await api.signup({ email, password, organization }) : await api.login({ email, password });
      signIn(me);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Something went wrong. Please try again.');
    } finally {
      setBusy(false);
    }
  }

  const field = (name: string) => ({
    id: `auth-${name}`,
    name,
    'aria-invalid': fieldErrors[name] ? true : undefined,
    'aria-describedby': fieldErrors[name]
      ? `auth-${name}-error`
      : name === 'password' && signup
        ? 'auth-password-hint'
        : undefined,
  });
  const fieldError = (name: string) =>
    fieldErrors[name] && (
      <p class="field-error" id={`auth-${name}-error`}>
        {fieldErrors[name]}
      </p>
    );

  return (
    <div class="auth-page">
      <aside class="auth-aside" aria-hidden="true">
        <Logo />
        <p class="auth-pitch">
          See which touchpoints matter, which disappoint, and where the journey breaks between them.
        </p>
        <svg viewBox="0 0 320 120" class="auth-art" aria-hidden="true">
          <path
            d="M10 90 C 60 90, 60 30, 110 30 S 160 90, 210 70 S 270 20, 310 30"
            fill="none"
            stroke="currentColor"
            stroke-width="3"
            stroke-linecap="round"
          />
          {[10, 110, 210, 310].map((x, i) => (
            <circle cx={x} cy={[90, 30, 70, 30][i]} r="8" fill="currentColor" />
          ))}
        </svg>
      </aside>
      <main id="main" class="auth-main">
        <div class="auth-card">
          <div class="auth-logo-small">
            <Logo />
          </div>
          <h1>{signup ? 'Create your account' : 'Log in to Throughline'}</h1>
          <p class="muted">
            {signup
              ? 'Set up your organization and first journey in minutes.'
              : 'Welcome back. Your journeys are waiting.'}
          </p>
          {error && (
            <div class="callout callout-error" role="alert" tabIndex={-1} ref={errorRef}>
              <p>{error}</p>
            </div>
          )}
          <form onSubmit={submit} noValidate aria-busy={busy}>
            {signup && (
              <div class="field">
                <label for="auth-organization">Organization</label>
                <input {...field('organization')} type="text" autoComplete="organization" required maxLength={120} />
                {fieldError('organization')}
              </div>
            )}
            <div class="field">
              <label for="auth-email">Work email</label>
              <input
                {...field('email')}
                type="email"
                autoComplete={signup ? 'email' : 'username'}
                required
                maxLength={254}
                autoFocus
              />
              {fieldError('email')}
            </div>
            <div class="field">
              <label for="auth-password">Password</label>
              <input
                {...field('password')}
                type="password"
                autoComplete={signup ? 'new-password' : 'current-password'}
                required
                minLength={signup ? 10 : 1}
                maxLength={200}
              />
              {signup && !fieldErrors.password && (
                <p class="hint" id="auth-password-hint">
                  At least 10 characters.
                </p>
              )}
              {fieldError('password')}
              {!signup && (
                <p class="hint">
                  <Link href="/forgot">Forgot your password?</Link>
                </p>
              )}
            </div>
            <button class="btn btn-primary btn-block" type="submit" disabled={busy}>
              {busy ? (signup ? 'Creating account…' : 'Logging in…') : signup ? 'Create account' : 'Log in'}
            </button>
          </form>
          <p class="auth-switch">
            {signup ? 'Already have an account? ' : 'New to Throughline? '}
            <Link href={signup ? `/login${location.search}` : `/signup${location.search}`}>
              {signup ? 'Log in' : 'Create an account'}
            </Link>
          </p>
        </div>
      </main>
    </div>
  );
}
