// For people in more than one organization (an agency working for several brands): which one this session opens,
// and switching to another (the API starts a new session for it). One organization: just its name.
import type { Organizations } from '@throughline/schema';
import { useState } from 'preact/hooks';
import { api, type ApiError } from '../api/client';
import { session, signIn } from '../api/session';
import { useResource } from '../api/use-resource';
import { navigate } from '../router';
import { ErrorMessage } from './states';

/** Opens organization `id`: the session switches, the sites list reloads, the sites screen shows its sites. */
async function openOrganization(id: string): Promise<void> {
  const me = await api.switchOrganization(id);
  navigate('/sites');
  signIn(me);
}

const useOrganizations = () => {
  const me = session.value;
  return useResource<Organizations>((s) => api.organizations(s), [me?.user.id, me?.organization.id]);
};

/** In the header: the organization's name, or a menu of them when there are several. */
export function OrgSwitcher() {
  const me = session.value;
  const orgs = useOrganizations().data?.organizations ?? [];
  if (!me) return null;
  if (orgs.length < 2) return <span class="user-name">{me.organization.name}</span>;
  return (
    <select
      class="org-switcher"
      aria-label="Organization"
      value={me.organization.id}
      onChange={(e) =>
        openOrganization((e.currentTarget as HTMLSelectElement).value).catch((err: ApiError) => {
          alert(`Could not switch: ${err.message}`);
          (e.target as HTMLSelectElement).value = me.organization.id;
        })
      }
    >
      {orgs.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
}

/** On the team screen (also on phones, where the header has no room): every organization, with a button to open it. */
export function OrganizationsSection() {
  const orgs = useOrganizations().data?.organizations ?? [];
  const [error, setError] = useState<ApiError>();
  if (orgs.length < 2) return null;
  return (
    <section class="card section" aria-labelledby="orgs-h">
      <h2 id="orgs-h">Your organizations</h2>
      <p class="muted">
        You belong to {orgs.length} organizations. Each has its own sites, team and data; open one to work in it.
      </p>
      {error && <ErrorMessage error={error} title="Could not switch" />}
      <ul class="org-list">
        {orgs.map((o) => (
          <li key={o.id} class="org-item" data-testid="organization">
            <span>
              <strong>{o.name}</strong> <span class="muted">· {o.role}</span>
            </span>
            {o.current ? (
              <span class="badge badge-neutral">open now</span>
            ) : (
              <button
                type="button"
                class="btn btn-secondary btn-sm"
                onClick={() => openOrganization(o.id).catch(setError)}
              >
                Open {o.name}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
