// The top bar: logo, site switcher, the signed-in user and their organization (a menu when several), log out.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import { session, signOut } from '../api/session';
import { lastSite, useSites } from '../api/sites-store';
import { match, navigate, useLocation, withFilters } from '../router';
import { Link } from './link';
import { Logo } from './logo';
import { OrgSwitcher } from './org-switcher';

export function Header({ siteId }: { siteId?: string }) {
  const me = session.value;
  const { sites } = useSites();
  const loc = useLocation();
  // Off a site's pages (Sites, Team) the picker still names the site in hand: the last one opened or created, or the only one.
  const current =
    siteId ?? sites?.find((s) => s.id === lastSite())?.id ?? (sites?.length === 1 ? sites[0]!.id : undefined);
  const [busy, setBusy] = useState(false);

  function switchSite(e: Event) {
    const id = (e.currentTarget as HTMLSelectElement).value;
    if (id === '__all') {
      // the picker keeps naming the site in hand; the list of all sites opens below it
      (e.currentTarget as HTMLSelectElement).value = current ?? '';
      return navigate('/sites');
    }
    const view = match('/sites/:id/:view', loc.path)?.view ?? 'map';
    // journey types belong to one site: another site starts on all of its journeys
    const query = new URLSearchParams(loc.query);
    query.delete('journey');
    navigate(withFilters(`/sites/${encodeURIComponent(id)}/${view}`, query));
  }

  async function logout() {
    setBusy(true);
    try {
      await api.logout();
    } catch (err) {
      // A failed logout must not look like success: say so and stay signed in.
      alert(err instanceof ApiError ? err.message : 'Could not log out.');
      setBusy(false);
      return;
    }
    signOut();
  }

  if (!me) return null;
  return (
    <header class="app-header">
      <Link href="/" class="brand-link" aria-label="Throughline home">
        <Logo />
      </Link>
      {sites && sites.length > 0 && (
        <div class="site-switcher">
          <label for="site-switcher" class="visually-hidden">
            Site
          </label>
          <select id="site-switcher" value={current ?? ''} onChange={switchSite} data-testid="site-switcher">
            {!current && <option value="">Choose a site…</option>}
            {sites.map((s) => (
              <option value={s.id} key={s.id}>
                {s.name}
              </option>
            ))}
            <option value="__all">All sites & new site…</option>
          </select>
        </div>
      )}
      <div class="header-spacer" />
      <Link href="/sites" class="header-link header-link-sites">
        Sites
      </Link>
      <Link href="/team" class="header-link">
        Team
      </Link>
      <div class="user-menu">
        <span class="user-org" title={me.user.email}>
          <span class="avatar" aria-hidden="true">
            {me.user.email.slice(0, 1).toUpperCase()}
          </span>
          <span class="user-text">
            <OrgSwitcher />
            <span class="user-email">{me.user.email}</span>
          </span>
        </span>
        <button type="button" class="btn btn-ghost btn-sm" onClick={logout} disabled={busy}>
          Log out
        </button>
      </div>
    </header>
  );
}
