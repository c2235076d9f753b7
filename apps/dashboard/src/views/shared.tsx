// A shared link (/shared/{token}): one view of one site, read-only, for someone without an account. The token goes
// with every API call (api/client.ts); the worker answers it as a viewer of that site's reads only.
import { useEffect } from 'preact/hooks';
import { api, setShareToken } from '../api/client';
import { useResource } from '../api/use-resource';
import { Logo } from '../components/logo';
import { ErrorMessage, Loading } from '../components/states';
import { navigate, useLocation } from '../router';
import { SiteLayout } from './site-layout';

export function SharedApp({ token }: { token: string }) {
  setShareToken(token);
  const loc = useLocation();
  const info = useResource((s) => api.shareInfo(s), [token]);
  // the filters the link was made with, unless the reader has changed them since
  useEffect(() => {
    if (info.data?.query && loc.query.size === 0)
      navigate(`/shared/${encodeURIComponent(token)}?${info.data.query}`, { replace: true });
  }, [info.data]);

  return (
    <>
      <header class="app-header">
        <span class="brand-link">
          <Logo />
        </span>
        {info.data && <span class="muted shared-title">{info.data.siteName}</span>}
      </header>
      {info.error ? (
        <main id="main" class="page" tabIndex={-1}>
          <ErrorMessage
            title="This link no longer works"
            error={
              info.error.status === 401
                ? 'It was revoked or has expired. Ask the person who sent it for a new one.'
                : info.error
            }
          />
        </main>
      ) : !info.data ? (
        <main class="boot" aria-busy="true">
          <Loading label="Opening the shared view…" />
        </main>
      ) : (
        <SiteLayout siteId={info.data.siteId} view={info.data.view} query={loc.query} shared={info.data} />
      )}
    </>
  );
}
