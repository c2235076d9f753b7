// The app: who is signed in, then which screen the URL names. Heavier screens are loaded on demand.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, type ApiError, setUnauthorizedHandler } from './api/client';
import { session, signIn, signOut } from './api/session';
import { match, navigate, useLocation } from './router';
import { AuthView } from './views/auth';
import { SitesView } from './views/sites';
import { SiteLayout, SITE_VIEWS, type SiteView } from './views/site-layout';
import { Header } from './components/header';
import { Loading, ErrorMessage } from './components/states';
import { HomeRedirect } from './views/home-redirect';
import { lazyView } from './components/lazy';

// Rarely opened screens load on demand, so the first screen stays small.
const InviteView = lazyView<{ token: string }>(() => import('./views/invite').then((m) => m.InviteView));
const ResetPasswordView = lazyView<{ token: string }>(() =>
  import('./views/reset-password').then((m) => m.ResetPasswordView),
);
const ForgotPasswordView = lazyView<Record<string, never>>(() =>
  import('./views/forgot-password').then((m) => m.ForgotPasswordView),
);
const TeamView = lazyView<Record<string, never>>(() => import('./views/team').then((m) => m.TeamView));

const SharedApp = lazyView<{ token: string }>(() => import('./views/shared').then((m) => m.SharedApp));

export function App() {
  const shared = match('/shared/:token', useLocation().path);
  // a shared link needs no account: its own small app, never the sign-in
  return shared?.token ? <SharedApp token={shared.token} /> : <SignedInApp />;
}

function SignedInApp() {
  const loc = useLocation();
  const me = session.value;
  const [bootError, setBootError] = useState<ApiError>();

  useEffect(() => {
    setUnauthorizedHandler(signOut);
    api.me().then(signIn, (err: ApiError) => (err.status === 401 ? signOut() : setBootError(err)));
  }, []);

  const authPath = loc.path === '/login' || loc.path === '/signup';
  const invite = match('/invite/:token', loc.path);
  const reset = match('/reset/:token', loc.path);
  const forgot = loc.path === '/forgot';
  useEffect(() => {
    if (invite || reset || forgot) return;
    if (me === null && !authPath) {
      const next =
        loc.path === '/' ? '' : `?next=${encodeURIComponent(loc.path + (loc.query.size ? `?${loc.query}` : ''))}`;
      navigate(`/login${next}`, { replace: true });
    } else if (me && authPath) {
      const next = loc.query.get('next');
      navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    }
  }, [me, authPath, !!invite, !!reset, forgot]);

  if (bootError)
    return (
      <main class="auth-page">
        <ErrorMessage error={bootError} retry={() => location.reload()} title="Throughline could not start" />
      </main>
    );
  if (me === undefined)
    return (
      <main class="boot" aria-busy="true">
        <Loading label="Starting Throughline…" />
      </main>
    );
  if (invite?.token) return <InviteView token={invite.token} />;
  if (reset?.token) return <ResetPasswordView token={reset.token} />;
  if (forgot) return <ForgotPasswordView />;
  if (me === null) return <AuthView mode={loc.path === '/signup' ? 'signup' : 'login'} />;

  const tpMatch = match('/sites/:id/touchpoints/:key', loc.path);
  const siteMatch = match('/sites/:id/:view', loc.path) ?? match('/sites/:id', loc.path);
  let body: ComponentChildren;
  if (loc.path === '/' || authPath) body = <HomeRedirect />;
  else if (loc.path === '/sites') body = <SitesView />;
  else if (loc.path === '/team') body = <TeamView />;
  else if (tpMatch?.id && tpMatch.key)
    body = <SiteLayout siteId={tpMatch.id} view="map" touchpoint={tpMatch.key} query={loc.query} />;
  else if (siteMatch && siteMatch.id !== undefined) {
    const view = (siteMatch.view ?? 'map') as SiteView;
    body = SITE_VIEWS.some((v) => v.id === view) ? (
      <SiteLayout siteId={siteMatch.id} view={view} query={loc.query} />
    ) : (
      <NotFound />
    );
  } else body = <NotFound />;

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <Header siteId={siteMatch?.id} />
      {body}
    </>
  );
}

function NotFound() {
  return (
    <main id="main" class="page" tabIndex={-1}>
      <ErrorMessage title="Page not found" error="There is nothing at this address. Pick a site from the list." />
      <p>
        <a href="/sites" class="btn btn-secondary" onClick={(e) => (e.preventDefault(), navigate('/sites'))}>
          Go to your sites
        </a>
      </p>
    </main>
  );
}
