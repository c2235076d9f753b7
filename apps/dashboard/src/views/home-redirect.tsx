// `/`: open the last used site's journey map, or the sites list when there is none yet.
import { useEffect } from 'preact/hooks';
import { lastSite, useSites } from '../api/sites-store';
import { navigate } from '../router';
import { ErrorMessage, Loading } from '../components/states';

export function HomeRedirect() {
  const { sites, error, reload } = useSites();
  useEffect(() => {
    if (!sites) return;
    const last = lastSite();
    const site = sites.find((s) => s.id === last) ?? sites[0];
    navigate(site ? `/sites/${encodeURIComponent(site.id)}/map` : '/sites', { replace: true });
  }, [sites]);
  return (
    <main id="main" class="page">
      {error ? <ErrorMessage error={error} retry={reload} /> : <Loading label="Opening your journey…" />}
    </main>
  );
}
